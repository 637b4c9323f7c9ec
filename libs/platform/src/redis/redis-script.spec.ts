import { createHash } from 'node:crypto';
import { Redis } from 'ioredis';
import { RedisScript } from './redis-script';

const LUA = "return redis.call('INCRBY', KEYS[1], ARGV[1])";
const sha = createHash('sha1').update(LUA).digest('hex');

describe('RedisScript (EVALSHA with a NOSCRIPT fallback, on the real Redis)', () => {
  const redis = new Redis(process.env['AIP_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379', {
    maxRetriesPerRequest: 1,
  });
  const key = `aip:test:redis-script:${process.pid}:${Date.now()}`;
  const script = new RedisScript('aipTestIncrement', LUA, 1);
  afterAll(async () => {
    await redis.del(key);
    redis.disconnect();
  });

  it('runs by its SHA1 once loaded, and again after Redis forgot its scripts', async () => {
    expect(await script.run(redis, key, 2)).toBe(2);
    expect(await redis.script('EXISTS', sha)).toEqual([1]);
    await redis.script('FLUSH');
    expect(await script.run(redis, key, 3)).toBe(5);
  });

  it('queues on a pipeline created after define, and says so when it was not', async () => {
    script.define(redis);
    const pipeline = redis.pipeline();
    script.queue(pipeline, key, 10);
    expect(await pipeline.exec()).toEqual([[null, 15]]);
    const other = new RedisScript('aipTestNeverDefined', LUA, 1);
    expect(() => other.queue(redis.pipeline(), key, 1)).toThrow(/not defined before the pipeline/);
  });
});
