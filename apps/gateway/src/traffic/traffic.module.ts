import { Module } from '@nestjs/common';
import { RateLimiter } from './rate-limiter.service';
import { RequestRateLimits } from './request-rate-limits.service';

@Module({ providers: [RateLimiter, RequestRateLimits], exports: [RateLimiter, RequestRateLimits] })
export class TrafficModule {}
