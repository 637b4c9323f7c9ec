import { randomBytes } from 'node:crypto';
import { ErrorCode } from '@aip/contracts';
import { createLogger, loadConfig } from '@aip/platform';
import { DEFAULT_ROLE_PERMISSIONS, type Principal } from '@aip/rbac';
import { GatewayConfig } from '../config/gateway.config';
import { rejectionOf } from '../testing/refusals';
import { TestRedis } from '../testing/test-redis';
import { GenerationTokenLimits } from './generation-token-limits.service';
import { RateLimiter } from './rate-limiter.service';

const logger = createLogger({ service: 'gateway-test', version: 'test', level: 'silent' });

function caller(overrides: Partial<Principal> = {}): Principal {
  return {
    id: `key-${randomBytes(4).toString('hex')}`,
    kind: 'api-key',
    role: 'reader',
    permissions: DEFAULT_ROLE_PERMISSIONS.reader,
    ...overrides,
  };
}

describe('GenerationTokenLimits (generated tokens per minute on real Redis)', () => {
  const testRedis = new TestRedis();

  function limitsWith(env: NodeJS.ProcessEnv = {}): GenerationTokenLimits {
    const config = loadConfig(GatewayConfig, env);
    return new GenerationTokenLimits(new RateLimiter(testRedis.redis, config, logger), config);
  }

  afterAll(async () => {
    await testRedis.cleanup();
  });

  it('admits requests until what they generated overdraws the key, then refuses with 429', async () => {
    const limits = limitsWith();
    const principal = caller({ rateLimits: { tokensPerMinute: 600 } });
    await limits.admit(principal);
    await limits.charge(principal, 500);
    await limits.admit(principal);
    // An answer longer than the bucket is charged in full: 300 tokens of debt, 10 a second.
    await limits.charge(principal, 400);
    const error = await rejectionOf(limits.admit(principal));
    expect(error.code).toBe(ErrorCode.RateLimited);
    expect(error.message).toMatch(
      /^Generation limit of 600 tokens per minute exceeded; retry in \d+ s$/,
    );
    const { retryAfterSeconds } = error.details as { retryAfterSeconds: number };
    expect(retryAfterSeconds).toBeGreaterThanOrEqual(25);
    expect(retryAfterSeconds).toBeLessThanOrEqual(30);
    expect(error.details).toMatchObject({ limit: 600 });
  });

  it('gives keys without a limit of their own GATEWAY_TOKENS_PER_MINUTE', async () => {
    const limits = limitsWith({ GATEWAY_TOKENS_PER_MINUTE: '10' });
    const principal = caller();
    await limits.charge(principal, 20);
    const error = await rejectionOf(limits.admit(principal));
    expect(error.details).toMatchObject({ limit: 10 });
  });

  it('keeps the tokens one key generated to that key', async () => {
    const limits = limitsWith({ GATEWAY_TOKENS_PER_MINUTE: '10' });
    const [spender, other] = [caller(), caller()];
    await limits.charge(spender, 20);
    await expect(limits.admit(other)).resolves.toBeUndefined();
  });

  it('charges nothing for nothing generated, and never limits with authentication disabled', async () => {
    const limits = limitsWith({ GATEWAY_TOKENS_PER_MINUTE: '1' });
    const principal = caller();
    await limits.charge(principal, 0);
    await expect(limits.admit(principal)).resolves.toBeUndefined();
    const disabled = { ...caller(), id: 'auth-disabled', kind: 'auth-disabled' as const };
    await limits.charge(disabled, 1000);
    await expect(limits.admit(disabled)).resolves.toBeUndefined();
  });
});
