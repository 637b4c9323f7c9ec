import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import { ErrorCode, PlatformError } from '@aip/contracts';
import type { Principal } from '@aip/rbac';
import { GatewayConfig } from '../config/gateway.config';
import { RateLimiter, type LimitResult } from './rate-limiter.service';

/**
 * Requests per minute per key and per tenant, for identified callers (see `RateLimitGuard` for
 * when). The tighter of the two limits is reported in X-RateLimit-* headers.
 */
@Injectable()
export class RequestRateLimits {
  constructor(
    private readonly limiter: RateLimiter,
    private readonly config: GatewayConfig,
  ) {}

  async enforce(principal: Principal, response: Response): Promise<void> {
    if (principal.kind === 'auth-disabled') return;
    const results = await Promise.all(
      this.buckets(principal).map(([bucket, limit]) => this.limiter.take(bucket, limit)),
    );
    const denied = results.find((result) => !result.allowed);
    const reported =
      denied ?? results.reduce((tightest, r) => (r.remaining < tightest.remaining ? r : tightest));
    setLimitHeaders(response, reported);
    if (denied) {
      const retryAfterSeconds = Math.max(1, Math.ceil(denied.retryAfterMs / 1000));
      throw new PlatformError(
        ErrorCode.RateLimited,
        `Rate limit of ${denied.limit} requests per minute exceeded; retry in ${retryAfterSeconds} s`,
        {
          limit: denied.limit,
          retryAfterSeconds,
        },
      );
    }
  }

  private buckets(principal: Principal): [string, number][] {
    const buckets: [string, number][] = [
      [
        `key:${principal.id}`,
        principal.rateLimits?.requestsPerMinute ?? this.config.GATEWAY_RATE_LIMIT_RPM,
      ],
    ];
    if (principal.tenant !== undefined)
      buckets.push([`tenant:${principal.tenant}`, this.config.GATEWAY_TENANT_RATE_LIMIT_RPM]);
    return buckets;
  }
}

export function setLimitHeaders(response: Response, result: LimitResult): void {
  response.setHeader('X-RateLimit-Limit', String(result.limit));
  response.setHeader('X-RateLimit-Remaining', String(Math.max(0, result.remaining)));
  response.setHeader('X-RateLimit-Reset', String(Math.ceil(result.resetMs / 1000)));
}
