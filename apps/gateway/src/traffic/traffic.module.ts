import { Module } from '@nestjs/common';
import { GenerationTokenLimits } from './generation-token-limits.service';
import { RateLimiter } from './rate-limiter.service';
import { RequestRateLimits } from './request-rate-limits.service';

@Module({
  providers: [RateLimiter, RequestRateLimits, GenerationTokenLimits],
  exports: [RateLimiter, RequestRateLimits, GenerationTokenLimits],
})
export class TrafficModule {}
