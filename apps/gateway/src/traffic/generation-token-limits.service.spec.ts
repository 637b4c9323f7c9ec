import { ErrorCode } from '@aip/contracts';
import { createLogger, loadConfig } from '@aip/platform';
import type { Principal } from '@aip/rbac';
import { GatewayConfig } from '../config/gateway.config';
import { rejectionOf } from '../testing/refusals';
import { testPrincipal } from '../testing/test-principal';
import { TestRedis } from '../testing/test-redis';
import { GenerationTokenLimits } from './generation-token-limits.service';
import { RateLimiter } from './rate-limiter.service';

const logger = createLogger({ service: 'gateway-test', version: 'test', level: 'silent' });

const caller = (overrides: Partial<Principal> = {}): Principal =>
  testPrincipal('reader', overrides);

describe('GenerationTokenLimits (generated tokens per minute on real Redis)', () => {
  const testRedis = new TestRedis();

  function limitsWith(env: NodeJS.ProcessEnv = {}): GenerationTokenLimits {
    const config = loadConfig(GatewayConfig, env);
    return new GenerationTokenLimits(new RateLimiter(testRedis.redis, config, logger), config);
  }

  afterAll(async () => {
    await testRedis.cleanup();
  });

  it('holds what a request may generate, so requests over what is left are refused up front with 429', async () => {
    const limits = limitsWith();
    const principal = caller({ rateLimits: { tokensPerMinute: 600 } });
    const first = await limits.reserve(principal, 500);
    // 100 left: a request that may generate 200 does not start, whatever it would really use.
    const error = await rejectionOf(limits.reserve(principal, 200));
    expect(error.code).toBe(ErrorCode.RateLimited);
    expect(error.message).toMatch(
      /^Generation limit of 600 tokens per minute: 200 asked, \d+ left; retry in \d+ s$/,
    );
    const { retryAfterSeconds } = error.details as { retryAfterSeconds: number };
    // 10 tokens a second refill: the missing ~100 take about 10 s.
    expect(retryAfterSeconds).toBeGreaterThanOrEqual(5);
    expect(retryAfterSeconds).toBeLessThanOrEqual(11);
    // The first generated only 50: the rest comes back at once, and the second fits.
    await first.settle(50);
    const second = await limits.reserve(principal, 200);
    await second.settle(200);
  });

  it('refuses a request that asks for more than the whole budget as invalid, naming the limit', async () => {
    const limits = limitsWith({ GATEWAY_TOKENS_PER_MINUTE: '20' });
    const error = await rejectionOf(limits.reserve(caller(), 8 * 50));
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.message).toBe(
      'max_tokens asks for 400 tokens in all; this key may generate at most 20 per minute',
    );
    expect(error.details).toMatchObject({ field: 'max_tokens', requested: 400, limit: 20 });
  });

  it('never lets concurrent requests overdraw the budget together', async () => {
    const limits = limitsWith({ GATEWAY_TOKENS_PER_MINUTE: '100' });
    const principal = caller();
    const outcomes = await Promise.allSettled(
      Array.from({ length: 8 }, () => limits.reserve(principal, 30)),
    );
    // Refill during the test adds well under one more request's worth.
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(3);
  });

  it('charges a generation that went past what it held, and keeps each key to itself', async () => {
    const limits = limitsWith({ GATEWAY_TOKENS_PER_MINUTE: '100' });
    const [spender, other] = [caller(), caller()];
    const held = await limits.reserve(spender, 10);
    await held.settle(100);
    await held.settle(100);
    expect((await rejectionOf(limits.reserve(spender, 20))).code).toBe(ErrorCode.RateLimited);
    await expect(limits.reserve(other, 100)).resolves.toBeDefined();
  });

  it('never limits with authentication disabled', async () => {
    const limits = limitsWith({ GATEWAY_TOKENS_PER_MINUTE: '1' });
    const disabled = { ...caller(), id: 'auth-disabled', kind: 'auth-disabled' as const };
    const held = await limits.reserve(disabled, 1000);
    await held.settle(1000);
    await expect(limits.reserve(disabled, 1000)).resolves.toBeDefined();
  });
});
