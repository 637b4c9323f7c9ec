import { randomBytes } from 'node:crypto';
import type { Counter } from 'prom-client';
import { register } from 'prom-client';
import { waitFor } from '@aip/platform';
import { TestRedis, unreachableRedis } from '../testing/test-redis';
import { USAGE_FLUSH_MS, UsageService } from './usage.service';

const keyId = () => `key-${randomBytes(4).toString('hex')}`;

async function requestsMetric(): Promise<{ key_id: string; outcome: string; value: number }[]> {
  const metric = register.getSingleMetric('aip_key_requests_total') as Counter;
  return (await metric.get()).values.map((v) => ({
    key_id: String(v.labels['key_id']),
    outcome: String(v.labels['outcome']),
    value: v.value,
  }));
}

describe('UsageService (usage per key in real Redis, keys under a prefix of this run)', () => {
  const testRedis = new TestRedis();
  const usage = new UsageService(testRedis.redis);

  afterAll(async () => {
    await usage.onApplicationShutdown();
    await testRedis.cleanup();
  });

  it('counts requests, errors, tokens and mean latency per key id', async () => {
    const [a, b] = [keyId(), keyId()];
    usage.record(a, false, 0.01);
    usage.record(a, true, 0.02, 7);
    usage.record(a, false, 0.03, 5);
    usage.record(b, true, 0.1);
    const report = await usage.report();
    expect(report.find((row) => row.key_id === a)).toEqual({
      key_id: a,
      requests: 3,
      errors: 1,
      tokens: 12,
      avg_latency_ms: 20,
    });
    expect(report.find((row) => row.key_id === b)).toEqual({
      key_id: b,
      requests: 1,
      errors: 1,
      tokens: 0,
      avg_latency_ms: 100,
    });
  });

  it('reports one key alone when asked, and zeros for a key that never called', async () => {
    const [a, b, silent] = [keyId(), keyId(), keyId()];
    usage.record(a, false, 0.001);
    usage.record(b, false, 0.001);
    await expect(usage.report(a)).resolves.toEqual([
      { key_id: a, requests: 1, errors: 0, tokens: 0, avg_latency_ms: 1 },
    ]);
    await expect(usage.report(silent)).resolves.toEqual([
      { key_id: silent, requests: 0, errors: 0, tokens: 0, avg_latency_ms: 0 },
    ]);
  });

  it('lists every key that called, sorted by id', async () => {
    const ids = [keyId(), keyId(), keyId()];
    for (const id of ids) usage.record(id, false, 0.001);
    const listed = (await usage.report()).map((row) => row.key_id);
    expect(listed).toEqual(expect.arrayContaining(ids));
    expect(listed).toEqual([...listed].sort());
  });

  it('sums what replicas sharing one Redis record', async () => {
    const replica = new UsageService(testRedis.redis);
    const id = keyId();
    usage.record(id, false, 0.01);
    replica.record(id, true, 0.03);
    await replica.flush();
    await expect(usage.report(id)).resolves.toEqual([
      { key_id: id, requests: 2, errors: 1, tokens: 0, avg_latency_ms: 20 },
    ]);
  });

  it('writes usage to Redis in batches, not per request, and on its own shortly after', async () => {
    const id = keyId();
    for (let i = 0; i < 5; i++) usage.record(id, false, 0.001);
    // Sent right after recording, on the connection the flush will use: Redis answers it first.
    expect(await testRedis.redis.hgetall(`aip:usage:${id}`)).toEqual({});
    const flushed = await waitFor(
      async () => {
        const fields = await testRedis.redis.hgetall(`aip:usage:${id}`);
        return fields['requests'] === undefined ? undefined : fields;
      },
      { timeoutMs: USAGE_FLUSH_MS + 10_000, what: 'usage in Redis' },
    );
    expect(flushed).toMatchObject({ requests: '5', errors: '0' });
  });

  it('shows usage in /metrics with at most 100 key ids as labels, the rest as other', async () => {
    const fresh = new UsageService(testRedis.redis);
    const ids = Array.from({ length: 101 }, keyId);
    for (const id of ids) fresh.record(id, false, 0.001);
    fresh.record(ids[0], true, 0.001);
    const metric = await requestsMetric();
    expect(metric).toContainEqual({ key_id: ids[0], outcome: 'success', value: 1 });
    expect(metric).toContainEqual({ key_id: ids[0], outcome: 'error', value: 1 });
    expect(metric).toContainEqual({ key_id: ids[99], outcome: 'success', value: 1 });
    expect(metric.some((v) => v.key_id === ids[100])).toBe(false);
    expect(metric.some((v) => v.key_id === 'other')).toBe(true);
    await fresh.flush();
  });

  it('never fails a request over accounting: a flush without Redis drops the usage', async () => {
    const down = unreachableRedis();
    try {
      const offline = new UsageService(down);
      offline.record(keyId(), false, 0.001);
      await expect(offline.flush()).resolves.toBeUndefined();
    } finally {
      down.disconnect();
    }
  });
});
