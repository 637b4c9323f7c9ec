import { Module } from '@nestjs/common';
import { ServiceName, Subject } from '@aip/contracts';
import { NatsServiceModule } from '@aip/platform';

@Module({
  imports: [
    NatsServiceModule.forRoot({
      service: ServiceName.Embedding,
      healthSubject: Subject.EmbeddingHealth,
      usesRedis: true,
    }),
  ],
})
export class AppModule {}
