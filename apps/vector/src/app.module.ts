import { Module } from '@nestjs/common';
import { ServiceName, Subject } from '@aip/contracts';
import { NatsServiceModule } from '@aip/platform';
import { QdrantIndicator } from './qdrant/qdrant.indicator';
import { QdrantModule } from './qdrant/qdrant.module';
import { CollectionsService } from './collections/collections.service';
import { PointsService } from './points/points.service';
import { TextEmbedder } from './points/text-embedder';
import { VectorHandler } from './points/points.handler';

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
  controllers: [VectorHandler],
  providers: [CollectionsService, PointsService, TextEmbedder],
})
export class AppModule {}
