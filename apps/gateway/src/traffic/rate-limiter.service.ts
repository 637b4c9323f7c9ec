import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { LOGGER, REDIS, RedisScript, type Logger } from '@aip/platform';
import { GatewayConfig } from '../config/gateway.config';
import { TOKEN_BUCKET_SCRIPT, TOKEN_DEBIT_SCRIPT } from './token-bucket.script';

const TOKEN_BUCKET = new RedisScript('aipTokenBucket', TOKEN_BUCKET_SCRIPT, 1);
const TOKEN_DEBIT = new RedisScript('aipTokenDebit', TOKEN_DEBIT_SCRIPT, 1);

export interface LimitResult {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Milliseconds until the request would be allowed (0 when allowed). */
  retryAfterMs: number;
  /** Milliseconds until the bucket is full again. */
  resetMs: number;
}

/**
 * Shared rate limits through Redis. When Redis cannot be reached the configured policy
 * decides: fail open (allow, the default) or closed (refuse); the switch is logged once and
 * shown by the rate limiter's readiness check.
 */
@Injectable()
export class RateLimiter {
  private redisDown = false;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: GatewayConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  get degraded(): boolean {
    return this.redisDown;
  }

  async take(bucket: string, perMinute: number, cost = 1): Promise<LimitResult> {
    try {
      const [allowed, remaining, retryAfterMs, resetMs] = (await TOKEN_BUCKET.run(
        this.redis,
        `aip:rl:${bucket}`,
        perMinute,
        cost,
      )) as [number, number, number, number];
      this.markRedis(false);
      return { allowed: allowed === 1, limit: perMinute, remaining, retryAfterMs, resetMs };
    } catch (error) {
      this.markRedis(true, error);
      const open = this.config.GATEWAY_RATE_LIMIT_ON_REDIS_DOWN === 'open';
      return {
        allowed: open,
        limit: perMinute,
        remaining: open ? perMinute : 0,
        retryAfterMs: open ? 0 : 5000,
        resetMs: 0,
      };
    }
  }

  /** Charges spending that already happened; the bucket may go into debt. Best effort. */
  async debit(bucket: string, perMinute: number, cost: number): Promise<void> {
    try {
      await TOKEN_DEBIT.run(this.redis, `aip:rl:${bucket}`, perMinute, cost);
      this.markRedis(false);
    } catch (error) {
      this.markRedis(true, error);
    }
  }

  private markRedis(down: boolean, error?: unknown): void {
    if (down === this.redisDown) return;
    this.redisDown = down;
    if (down) {
      this.logger.warn(
        { policy: this.config.GATEWAY_RATE_LIMIT_ON_REDIS_DOWN, err: String(error) },
        `rate limiting cannot reach Redis: failing ${this.config.GATEWAY_RATE_LIMIT_ON_REDIS_DOWN}`,
      );
    } else {
      this.logger.info('rate limiting reaches Redis again');
    }
  }
}
