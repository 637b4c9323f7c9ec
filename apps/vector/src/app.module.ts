import { Module } from '@nestjs/common';
import { ServiceName, Subject } from '@aip/contracts';
import { NatsServiceModule } from '@aip/platform';
import { QdrantIndicator } from './qdrant/qdrant.indicator';
import { QdrantModule } from './qdrant/qdrant.module';

@Module({
  imports: [
    QdrantModule,
    NatsServiceModule.forRoot({
      service: ServiceName.Vector,
      healthSubject: Subject.VectorHealth,
      usesRedis: true,
      indicators: [QdrantIndicator],
    }),
  ],
})
export class AppModule {}
