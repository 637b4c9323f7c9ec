import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { QdrantClient } from '@qdrant/js-client-rest';
import { INDICATOR_TIMEOUT_MS, type ReadinessIndicator } from '@aip/platform';
import { VectorConfig } from '../config/vector.config';
import { QdrantResilience } from './qdrant-resilience';

/**
 * Qdrant (or vector-engine) is up when it answers its version endpoint. The probe goes around
 * the circuit breaker, so readiness tells the store's real state; the breaker's state is shown
 * beside it, and a store that answers while the breaker is still open is degraded: calls fail
 * fast until the breaker's next probe succeeds.
 */
@Injectable()
export class QdrantIndicator implements ReadinessIndicator {
  readonly key = 'qdrant';

  constructor(
    private readonly qdrant: QdrantClient,
    private readonly config: VectorConfig,
    private readonly resilience: QdrantResilience,
    private readonly indicators: HealthIndicatorService,
  ) {}

  async check() {
    const session = this.indicators.check(this.key);
    const url = this.config.QDRANT_URL;
    let timer: NodeJS.Timeout | undefined;
    try {
      const info = await Promise.race([
        this.qdrant.versionInfo(),
        new Promise<never>((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`no answer within ${INDICATOR_TIMEOUT_MS} ms`)),
            INDICATOR_TIMEOUT_MS,
          );
        }),
      ]);
      const breaker = this.resilience.state;
      return breaker === 'open'
        ? session.degraded({ url, version: info.version, breaker })
        : session.up({ url, version: info.version, breaker });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return session.down({ url, breaker: this.resilience.state, message });
    } finally {
      clearTimeout(timer);
    }
  }
}
