import { Global, Module } from '@nestjs/common';
import { QdrantClient } from '@qdrant/js-client-rest';
import { VectorConfig } from '../config/vector.config';

/** The official Qdrant client, pointed at real Qdrant or at vector-engine: one code path. */
@Global()
@Module({
  providers: [
    {
      provide: QdrantClient,
      inject: [VectorConfig],
      useFactory: (config: VectorConfig) =>
        new QdrantClient({
          url: config.QDRANT_URL,
          apiKey: config.QDRANT_API_KEY,
          timeout: 10_000,
        }),
    },
  ],
  exports: [QdrantClient],
})
export class QdrantModule {}
