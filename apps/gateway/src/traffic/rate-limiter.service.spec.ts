import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { Redis } from 'ioredis';
import { createLogger, loadConfig } from '@aip/platform';
import { GatewayConfig } from '../config/gateway.config';
import { TEST_REDIS_URL, TestRedis, unreachableRedis } from '../testing/test-redis';
import { RateLimiter } from './rate-limiter.service';

const logger = createLogger({ service: 'gateway-test', version: 'test', level: 'silent' });

/**
 * Buckets refill with Redis time, so instead of waiting, tests move a bucket's last use back:
 * the refill then sees exactly that much time passed (plus the few milliseconds the test takes,
 * which at these rates adds far less than one token).
 */
async function rewind(testRedis: TestRedis, bucket: string, ms: number): Promise<void> {
  const key = `aip:rl:${bucket}`;
  const ts = Number(await testRedis.redis.hget(key, 'ts'));
  await testRedis.redis.hset(key, 'ts', String(ts - ms));
}

describe('RateLimiter (token buckets on real Redis, keys under a prefix of this run)', () => {
  const testRedis = new TestRedis();
  const limiter = new RateLimiter(testRedis.redis, loadConfig(GatewayConfig, {}), logger);
  const bucket = () => `spec:${randomBytes(4).toString('hex')}`;

  afterAll(async () => {
    await testRedis.cleanup();
  });

  it('allows a burst up to the per-minute capacity, then refuses with the time to wait', async () => {
    const name = bucket();
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await limiter.take(name, 3));
    expect(results.map((r) => r.allowed)).toEqual([true, true, true, false]);
    expect(results.map((r) => r.remaining)).toEqual([2, 1, 0, 0]);
    const refused = results[3];
    expect(refused.limit).toBe(3);
    // One token of 3 per minute comes back every 20 s; the test has taken a little of that.
    expect(refused.retryAfterMs).toBeGreaterThan(15_000);
    expect(refused.retryAfterMs).toBeLessThanOrEqual(20_000);
    expect(refused.resetMs).toBeGreaterThan(55_000);
    expect(refused.resetMs).toBeLessThanOrEqual(60_000);
    expect(results[0].retryAfterMs).toBe(0);
  });

  it('refills in proportion to the time passed, never beyond the capacity', async () => {
    const name = bucket();
    await limiter.take(name, 2);
    await limiter.take(name, 2);
    expect((await limiter.take(name, 2)).allowed).toBe(false);
    await rewind(testRedis, name, 30_000);
    expect(await limiter.take(name, 2)).toMatchObject({ allowed: true, remaining: 0 });
    expect((await limiter.take(name, 2)).allowed).toBe(false);
    await rewind(testRedis, name, 10 * 60_000);
    expect(await limiter.take(name, 2)).toMatchObject({ allowed: true, remaining: 1 });
  });

  it('keeps buckets apart', async () => {
    const [a, b] = [bucket(), bucket()];
    expect((await limiter.take(a, 1)).allowed).toBe(true);
    expect((await limiter.take(a, 1)).allowed).toBe(false);
    expect((await limiter.take(b, 1)).allowed).toBe(true);
  });

  it('is shared by replicas: two limiters on one Redis spend one bucket', async () => {
    const other = new RateLimiter(testRedis.redis, loadConfig(GatewayConfig, {}), logger);
    const name = bucket();
    expect((await limiter.take(name, 2)).allowed).toBe(true);
    expect((await other.take(name, 2)).allowed).toBe(true);
    expect((await limiter.take(name, 2)).allowed).toBe(false);
    expect((await other.take(name, 2)).allowed).toBe(false);
  });

  it('charges spending already done in full, and refuses until the debt is paid back', async () => {
    const name = bucket();
    await limiter.debit(name, 60, 90);
    // 30 tokens of debt at 1 token a second, and the next take needs the bucket above 0.
    const refused = await limiter.take(name, 60, 0);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterMs).toBeGreaterThan(25_000);
    expect(refused.retryAfterMs).toBeLessThanOrEqual(30_000);
    await rewind(testRedis, name, 31_000);
    expect((await limiter.take(name, 60, 0)).allowed).toBe(true);
  });

  it('fails open by default while Redis is unreachable, and says so', async () => {
    const down = unreachableRedis();
    try {
      const open = new RateLimiter(down, loadConfig(GatewayConfig, {}), logger);
      await expect(open.take(bucket(), 5)).resolves.toMatchObject({
        allowed: true,
        remaining: 5,
        retryAfterMs: 0,
      });
      expect(open.degraded).toBe(true);
      await open.debit(bucket(), 5, 1);
      expect(open.degraded).toBe(true);
    } finally {
      down.disconnect();
    }
  });

  it('stops being degraded as soon as Redis answers again', async () => {
    const late = new Redis(TEST_REDIS_URL, {
      keyPrefix: testRedis.prefix,
      lazyConnect: true,
      enableOfflineQueue: false,
    });
    try {
      const recovering = new RateLimiter(late, loadConfig(GatewayConfig, {}), logger);
      await recovering.take(bucket(), 5);
      expect(recovering.degraded).toBe(true);
      // The refused command itself set the connection going.
      if (late.status !== 'ready') await once(late, 'ready');
      await expect(recovering.take(bucket(), 5)).resolves.toMatchObject({ remaining: 4 });
      expect(recovering.degraded).toBe(false);
    } finally {
      late.disconnect();
    }
  });

  it('fails closed when configured to, with a retry hint', async () => {
    const down = unreachableRedis();
    try {
      const closed = new RateLimiter(
        down,
        loadConfig(GatewayConfig, { GATEWAY_RATE_LIMIT_ON_REDIS_DOWN: 'closed' }),
        logger,
      );
      await expect(closed.take(bucket(), 5)).resolves.toMatchObject({
        allowed: false,
        remaining: 0,
        retryAfterMs: 5000,
      });
      expect(closed.degraded).toBe(true);
    } finally {
      down.disconnect();
    }
  });
});
