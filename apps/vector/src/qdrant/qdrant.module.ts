import { Global, Module } from '@nestjs/common';
import { QdrantClient } from '@qdrant/js-client-rest';
import { LOGGER, type Logger } from '@aip/platform';
import { VectorConfig } from '../config/vector.config';
import { qdrantClientOptions } from './qdrant-client-options';
import { installQdrantResilience, resilienceSettings } from './qdrant-errors';
import { QdrantResilience } from './qdrant-resilience';

/**
 * The client's own bound on a request: the outer limit for calls given a long timeout
 * (snapshots). Every other call is cut off sooner by qdrantCall's VECTOR_QDRANT_TIMEOUT_MS.
 */
export const QDRANT_CLIENT_TIMEOUT_MS = 300_000;

/** The official Qdrant client, pointed at real Qdrant or at vector-engine: one code path. */
@Global()
@Module({
  providers: [
    {
      provide: QdrantClient,
      inject: [VectorConfig],
      useFactory: (config: VectorConfig) =>
        new QdrantClient({ ...qdrantClientOptions(config), timeout: QDRANT_CLIENT_TIMEOUT_MS }),
    },
    {
      provide: QdrantResilience,
      inject: [VectorConfig, LOGGER],
      useFactory: (config: VectorConfig, logger: Logger) => {
        const resilience = new QdrantResilience(resilienceSettings(config));
        resilience.onStateChange((breaker) =>
          logger[breaker === 'closed' ? 'info' : 'warn'](
            { breaker, url: config.QDRANT_URL },
            `vector store circuit breaker ${breaker}`,
          ),
        );
        installQdrantResilience(resilience);
        return resilience;
      },
    },
  ],
  exports: [QdrantClient, QdrantResilience],
})
export class QdrantModule {}
