import { Injectable } from '@nestjs/common';
import { ErrorCode, PlatformError } from '@aip/contracts';
import type { Principal } from '@aip/rbac';
import { GatewayConfig } from '../config/gateway.config';
import { RateLimiter } from './rate-limiter.service';

/** A hold on a key's generation budget, settled with what was actually generated. */
export interface TokenReservation {
  /** Gives back what was held but not generated; charges any excess. Once only. */
  settle(generated: number): Promise<void>;
}

const NOTHING_HELD: TokenReservation = { settle: () => Promise.resolve() };

/**
 * Generated tokens per minute per key (the key's own `tokens_per_minute`, else
 * GATEWAY_TOKENS_PER_MINUTE). A request holds the most it may generate (max_tokens, times its
 * prompts) before it starts, taken atomically from the key's bucket, so concurrent requests can
 * never overdraw it; when it ends, what it did not generate is given back. A request asking for
 * more than the whole budget is refused as invalid; one asking for more than is left, with 429
 * and the wait until it fits.
 */
@Injectable()
export class GenerationTokenLimits {
  constructor(
    private readonly limiter: RateLimiter,
    private readonly config: GatewayConfig,
  ) {}

  async reserve(principal: Principal, tokens: number): Promise<TokenReservation> {
    if (principal.kind === 'auth-disabled') return NOTHING_HELD;
    const limit = this.limitOf(principal);
    if (tokens > limit)
      throw new PlatformError(
        ErrorCode.ValidationFailed,
        `max_tokens asks for ${tokens} tokens in all; this key may generate at most ${limit} per minute`,
        { field: 'max_tokens', requested: tokens, limit },
      );
    const bucket = this.bucket(principal);
    const result = await this.limiter.take(bucket, limit, tokens);
    if (!result.allowed) {
      const retryAfterSeconds = Math.max(1, Math.ceil(result.retryAfterMs / 1000));
      throw new PlatformError(
        ErrorCode.RateLimited,
        `Generation limit of ${limit} tokens per minute: ${tokens} asked, ${Math.max(0, result.remaining)} left; retry in ${retryAfterSeconds} s`,
        { limit, requested: tokens, remaining: Math.max(0, result.remaining), retryAfterSeconds },
      );
    }
    let settled = false;
    return {
      settle: async (generated: number) => {
        if (settled) return;
        settled = true;
        const difference = generated - tokens;
        if (difference !== 0) await this.limiter.debit(bucket, limit, difference);
      },
    };
  }

  private limitOf(principal: Principal): number {
    return principal.rateLimits?.tokensPerMinute ?? this.config.GATEWAY_TOKENS_PER_MINUTE;
  }

  private bucket(principal: Principal): string {
    return `tokens:${principal.id}`;
  }
}
