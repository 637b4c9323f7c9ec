import { Module } from '@nestjs/common';
import { ServiceName, Subject } from '@aip/contracts';
import {
  HealthModule,
  MessagingModule,
  NatsIndicator,
  RedisIndicator,
  RedisModule,
} from '@aip/platform';
import { QdrantIndicator } from './qdrant/qdrant.indicator';
import { QdrantModule } from './qdrant/qdrant.module';

@Module({
  imports: [
    MessagingModule.forRoot(ServiceName.Vector),
    RedisModule,
    QdrantModule,
    HealthModule.forRoot({
      indicators: [NatsIndicator, RedisIndicator, QdrantIndicator],
      natsSubject: Subject.VectorHealth,
    }),
  ],
})
export class AppModule {}
