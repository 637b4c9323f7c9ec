import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { identifiedCall } from '../auth/identified-call';
import { RequestRateLimits } from './request-rate-limits.service';

/**
 * The last of the gateway's guards: a call is counted against its caller's request limits only
 * once it has passed authentication, permission and collection scope, so refused calls cost
 * the caller nothing.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly rateLimits: RequestRateLimits,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const call = identifiedCall(this.reflector, context);
    if (call) await this.rateLimits.enforce(call.principal, call.response);
    return true;
  }
}
