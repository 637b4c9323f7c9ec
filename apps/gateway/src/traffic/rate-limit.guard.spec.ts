import { randomBytes } from 'node:crypto';
import { Reflector } from '@nestjs/core';
import { ErrorCode } from '@aip/contracts';
import { createLogger, loadConfig } from '@aip/platform';
import type { Principal } from '@aip/rbac';
import type { AuthenticatedRequest } from '../auth/credentials';
import { GatewayConfig } from '../config/gateway.config';
import { AccessRoutes } from '../testing/access-routes';
import { guardCall, type GuardCall } from '../testing/guard-context';
import { rejectionOf } from '../testing/refusals';
import { testPrincipal } from '../testing/test-principal';
import { TestRedis } from '../testing/test-redis';
import { RateLimitGuard } from './rate-limit.guard';
import { RateLimiter } from './rate-limiter.service';
import { RequestRateLimits } from './request-rate-limits.service';

const logger = createLogger({ service: 'gateway-test', version: 'test', level: 'silent' });

const caller = (overrides: Partial<Principal> = {}): Principal =>
  testPrincipal('reader', overrides);

function limitHeaders(call: GuardCall): Record<string, unknown> {
  return {
    limit: call.response.getHeader('X-RateLimit-Limit'),
    remaining: call.response.getHeader('X-RateLimit-Remaining'),
    reset: call.response.getHeader('X-RateLimit-Reset'),
  };
}

describe('RateLimitGuard (request limits per key and tenant on real Redis)', () => {
  const testRedis = new TestRedis();

  function guardWith(env: NodeJS.ProcessEnv = {}): RateLimitGuard {
    const config = loadConfig(GatewayConfig, env);
    const limits = new RequestRateLimits(new RateLimiter(testRedis.redis, config, logger), config);
    return new RateLimitGuard(new Reflector(), limits);
  }

  function callAs(
    principal: Principal | undefined,
    handler: keyof AccessRoutes & string = 'search',
  ) {
    const call = guardCall(AccessRoutes, handler);
    (call.request as AuthenticatedRequest).principal = principal;
    return call;
  }

  afterAll(async () => {
    await testRedis.cleanup();
  });

  it('lets a caller within its limit through and reports the limit in X-RateLimit headers', async () => {
    const guard = guardWith();
    const call = callAs(caller({ rateLimits: { requestsPerMinute: 5 } }));
    await expect(guard.canActivate(call.context)).resolves.toBe(true);
    expect(limitHeaders(call)).toEqual({ limit: '5', remaining: '4', reset: '12' });
  });

  it('refuses a burst over the key limit with 429 and the seconds to wait', async () => {
    const guard = guardWith();
    const principal = caller({ rateLimits: { requestsPerMinute: 2 } });
    await guard.canActivate(callAs(principal).context);
    await guard.canActivate(callAs(principal).context);
    const refused = callAs(principal);
    const error = await rejectionOf(guard.canActivate(refused.context));
    expect(error.code).toBe(ErrorCode.RateLimited);
    expect(error.message).toMatch(/^Rate limit of 2 requests per minute exceeded; retry in \d+ s$/);
    const { retryAfterSeconds } = error.details as { retryAfterSeconds: number };
    // A token of 2 per minute comes back within 30 s of the burst.
    expect(retryAfterSeconds).toBeGreaterThanOrEqual(25);
    expect(retryAfterSeconds).toBeLessThanOrEqual(30);
    expect(error.details).toMatchObject({ limit: 2 });
    expect(limitHeaders(refused)).toMatchObject({ limit: '2', remaining: '0' });
  });

  it('gives keys without a limit of their own GATEWAY_RATE_LIMIT_RPM', async () => {
    const guard = guardWith({ GATEWAY_RATE_LIMIT_RPM: '1' });
    const principal = caller();
    await guard.canActivate(callAs(principal).context);
    const error = await rejectionOf(guard.canActivate(callAs(principal).context));
    expect(error.details).toMatchObject({ limit: 1 });
  });

  it('shares one tenant limit among the tenant keys, and reports the tighter limit', async () => {
    const guard = guardWith({ GATEWAY_TENANT_RATE_LIMIT_RPM: '3', GATEWAY_RATE_LIMIT_RPM: '100' });
    const tenant = `tenant-${randomBytes(4).toString('hex')}`;
    const [a, b] = [caller({ tenant }), caller({ tenant })];
    const first = callAs(a);
    await guard.canActivate(first.context);
    expect(limitHeaders(first)).toMatchObject({ limit: '3', remaining: '2' });
    await guard.canActivate(callAs(a).context);
    await guard.canActivate(callAs(b).context);
    const error = await rejectionOf(guard.canActivate(callAs(b).context));
    expect(error.details).toMatchObject({ limit: 3 });
    await expect(guard.canActivate(callAs(caller()).context)).resolves.toBe(true);
  });

  it('never limits public routes or a gateway with authentication disabled', async () => {
    const guard = guardWith({ GATEWAY_RATE_LIMIT_RPM: '1' });
    for (let i = 0; i < 3; i++) {
      const open = callAs(undefined, 'open');
      await expect(guard.canActivate(open.context)).resolves.toBe(true);
      expect(open.response.getHeader('X-RateLimit-Limit')).toBeUndefined();
      const disabled = callAs({ ...caller(), id: 'auth-disabled', kind: 'auth-disabled' });
      await expect(guard.canActivate(disabled.context)).resolves.toBe(true);
    }
  });

  it('refuses a protected route reached without a caller with 401 (fail closed)', async () => {
    const error = await rejectionOf(guardWith().canActivate(callAs(undefined).context));
    expect(error.code).toBe(ErrorCode.Unauthenticated);
  });
});
