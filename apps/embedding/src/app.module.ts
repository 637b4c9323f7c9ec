import { Module } from '@nestjs/common';
import { ServiceName, Subject } from '@aip/contracts';
import {
  HealthModule,
  MessagingModule,
  NatsIndicator,
  RedisIndicator,
  RedisModule,
} from '@aip/platform';

@Module({
  imports: [
    MessagingModule.forRoot(ServiceName.Embedding),
    RedisModule,
    HealthModule.forRoot({
      indicators: [NatsIndicator, RedisIndicator],
      natsSubject: Subject.EmbeddingHealth,
    }),
  ],
})
export class AppModule {}
