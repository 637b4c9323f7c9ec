import { Module } from '@nestjs/common';
import { ServiceName, Subject } from '@aip/contracts';
import { NatsServiceModule } from '@aip/platform';
import { EmbeddingCache } from './cache/embedding-cache.service';
import { EmbedHandler } from './embed/embed.handler';
import { EmbedService } from './embed/embed.service';
import { ModelsIndicator } from './models/models.indicator';
import { ModelsModule } from './models/models.module';
import { SparseHandler } from './sparse/sparse.handler';

@Module({
  imports: [
    ModelsModule,
    NatsServiceModule.forRoot({
      service: ServiceName.Embedding,
      healthSubject: Subject.EmbeddingHealth,
      usesRedis: true,
      indicators: [ModelsIndicator],
      imports: [ModelsModule],
    }),
  ],
  controllers: [EmbedHandler, SparseHandler],
  providers: [EmbedService, EmbeddingCache],
})
export class AppModule {}
