import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { Redis } from 'ioredis';
import { INDICATOR_TIMEOUT_MS, REDIS, type ReadinessIndicator } from '@aip/platform';
import { GatewayConfig } from '../config/gateway.config';

/**
 * The gateway needs Redis only for shared rate limits (and runtime keys). Without it, it is
 * degraded when limits fail open (still serving), and down when they fail closed.
 */
@Injectable()
export class RateLimiterIndicator implements ReadinessIndicator {
  readonly key = 'rate_limiter';

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: GatewayConfig,
    private readonly indicators: HealthIndicatorService,
  ) {}

  async check() {
    const session = this.indicators.check(this.key);
    const policy = this.config.GATEWAY_RATE_LIMIT_ON_REDIS_DOWN;
    try {
      await Promise.race([
        this.redis.ping(),
        new Promise((_, reject) =>
          setTimeout(() => reject(new Error('timeout')), INDICATOR_TIMEOUT_MS).unref(),
        ),
      ]);
      return session.up({ policy });
    } catch (error) {
      const message = `Redis unreachable (${String(error)}): rate limits fail ${policy}`;
      return policy === 'open'
        ? session.degraded({ policy, message })
        : session.down({ policy, message });
    }
  }
}
