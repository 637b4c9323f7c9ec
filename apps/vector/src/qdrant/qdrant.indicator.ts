import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { QdrantClient } from '@qdrant/js-client-rest';
import { INDICATOR_TIMEOUT_MS, type ReadinessIndicator } from '@aip/platform';
import { VectorConfig } from '../config/vector.config';

/** Qdrant (or vector-engine) is up when it answers its version endpoint. */
@Injectable()
export class QdrantIndicator implements ReadinessIndicator {
  readonly key = 'qdrant';

  constructor(
    private readonly qdrant: QdrantClient,
    private readonly config: VectorConfig,
    private readonly indicators: HealthIndicatorService,
  ) {}

  check() {
    return this.indicators
      .check(this.key)
      .attempt(async () => {
        const info = await this.qdrant.versionInfo();
        return { url: this.config.QDRANT_URL, version: info.version };
      })
      .withTimeout(INDICATOR_TIMEOUT_MS);
  }
}
