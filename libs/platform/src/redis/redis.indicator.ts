import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { Redis } from 'ioredis';
import { INDICATOR_TIMEOUT_MS, type ReadinessIndicator } from '../health/readiness-indicator';
import { REDIS } from './redis.module';

/** Redis is up when it answers PING. */
@Injectable()
export class RedisIndicator implements ReadinessIndicator {
  readonly key = 'redis';

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly indicators: HealthIndicatorService,
  ) {}

  check() {
    return this.indicators
      .check(this.key)
      .attempt(async () => {
        const started = performance.now();
        await this.redis.ping();
        return { rttMs: Math.round((performance.now() - started) * 10) / 10 };
      })
      .withTimeout(INDICATOR_TIMEOUT_MS);
  }
}
