import { Injectable } from '@nestjs/common';
import { ErrorCode, PlatformError } from '@aip/contracts';
import type { Principal } from '@aip/rbac';
import { GatewayConfig } from '../config/gateway.config';
import { RateLimiter } from './rate-limiter.service';

/**
 * Generated tokens per minute per key (the key's own `tokens_per_minute`, else
 * GATEWAY_TOKENS_PER_MINUTE). How many tokens a request will generate is known only at its end,
 * so a request is let in unless the key's bucket is in debt, and what it generated
 * is charged afterwards: a long answer may overdraw the bucket, and the debt delays the next.
 */
@Injectable()
export class GenerationTokenLimits {
  constructor(
    private readonly limiter: RateLimiter,
    private readonly config: GatewayConfig,
  ) {}

  async admit(principal: Principal): Promise<void> {
    if (principal.kind === 'auth-disabled') return;
    const limit = this.limitOf(principal);
    // Costs nothing: refused only while the bucket is in debt from earlier generations.
    const result = await this.limiter.take(this.bucket(principal), limit, 0);
    if (result.allowed) return;
    const retryAfterSeconds = Math.max(1, Math.ceil(result.retryAfterMs / 1000));
    throw new PlatformError(
      ErrorCode.RateLimited,
      `Generation limit of ${limit} tokens per minute exceeded; retry in ${retryAfterSeconds} s`,
      { limit, retryAfterSeconds },
    );
  }

  async charge(principal: Principal, tokens: number): Promise<void> {
    if (principal.kind === 'auth-disabled' || tokens <= 0) return;
    await this.limiter.debit(this.bucket(principal), this.limitOf(principal), tokens);
  }

  private limitOf(principal: Principal): number {
    return principal.rateLimits?.tokensPerMinute ?? this.config.GATEWAY_TOKENS_PER_MINUTE;
  }

  private bucket(principal: Principal): string {
    return `tokens:${principal.id}`;
  }
}
