import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { issueApiKey } from '@aip/rbac';
import { startTestGateway, type TestGateway } from './testing/start-gateway';
import { TEST_REDIS_URL } from './testing/test-redis';

interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

/**
 * The guards as the gateway registers them, through HTTP: each check in its place, and what a
 * refused call costs (rate limit) or leaves behind (usage). The keys come from a keys file with
 * ids of this run's own, so the usage and rate-limit entries they leave in the shared Redis are
 * this run's alone, and are deleted afterwards.
 */
describe('gateway guard chain (in-process gateway, real Redis and NATS)', () => {
  const run = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const reader = { id: `guards-reader-${run}`, key: issueApiKey().key };
  const operator = { id: `guards-operator-${run}`, key: issueApiKey().key };
  const dir = mkdtempSync(join(tmpdir(), 'aip-app-guards-'));
  let gateway: TestGateway;

  const call = async (path: string, key?: string, method = 'GET') => {
    const response = await fetch(`${gateway.url}${path}`, {
      method,
      headers: key ? { 'X-API-Key': key } : {},
    });
    return { status: response.status, headers: response.headers, body: await response.json() };
  };

  beforeAll(async () => {
    const keysFile = join(dir, 'keys.yaml');
    writeFileSync(
      keysFile,
      [
        'keys:',
        `  - { id: ${reader.id}, key: "${reader.key}", role: reader, collections: [docs], rate_limit: { requests_per_minute: 2 } }`,
        `  - { id: ${operator.id}, key: "${operator.key}", role: operator }`,
      ].join('\n'),
    );
    gateway = await startTestGateway({ GATEWAY_KEYS_FILE: keysFile });
  });

  afterAll(async () => {
    // Stopping flushes the last usage, so the entries are deleted after it.
    await gateway?.stop();
    const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
    const ids = [reader.id, operator.id];
    await redis.del(...ids.flatMap((id) => [`aip:usage:${id}`, `aip:rl:key:${id}`]));
    await redis.srem('aip:usage:keys', ...ids);
    redis.disconnect();
    rmSync(dir, { recursive: true, force: true });
  });

  it('authenticates, then checks permission, collection scope and the request limit, accounting each call', async () => {
    const unknownKey = issueApiKey();
    const unknown = await call('/api/v1/analytics/usage', unknownKey.key);
    expect(unknown.status).toBe(401);
    expect((unknown.body as ErrorBody).error.message).toBe('Invalid API key');

    // Refused calls, more of them than the key's limit of 2 a minute: none is charged to it.
    for (let i = 0; i < 3; i++) {
      const forbidden = await call('/api/v1/analytics/usage', reader.key);
      expect(forbidden.status).toBe(403);
      expect((forbidden.body as ErrorBody).error.details).toEqual({
        permission: 'analytics:view',
        role: 'reader',
      });
      expect(forbidden.headers.get('x-ratelimit-limit')).toBeNull();
    }
    const dropOther = await call('/api/v1/collections/other', reader.key, 'DELETE');
    expect(dropOther.status).toBe(403);
    expect((dropOther.body as ErrorBody).error.details).toMatchObject({
      permission: 'collections:manage',
    });
    const readOther = await call('/api/v1/collections/other', reader.key);
    expect(readOther.status).toBe(403);
    expect((readOther.body as ErrorBody).error.message).toBe(
      'This key may not use collection other',
    );

    const first = await call('/api/v1/auth/whoami', reader.key);
    expect(first.status).toBe(200);
    expect(first.headers.get('x-ratelimit-limit')).toBe('2');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('1');
    expect((await call('/api/v1/auth/whoami', reader.key)).status).toBe(200);
    const limited = await call('/api/v1/auth/whoami', reader.key);
    expect(limited.status).toBe(429);
    expect((limited.body as ErrorBody).error.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');

    // Out of requests, the key still hears 403 where it lacks the permission.
    expect((await call('/api/v1/analytics/usage', reader.key)).status).toBe(403);

    // Every call of the key is accounted with its outcome: 5 refused for permission or scope,
    // 2 served, 1 limited, 1 more refused. The unknown key left nothing.
    const usage = await call('/api/v1/analytics/usage', operator.key);
    expect(usage.status).toBe(200);
    const rows = (usage.body as { keys: { key_id: string; requests: number; errors: number }[] })
      .keys;
    expect(rows.find((row) => row.key_id === reader.id)).toMatchObject({
      requests: 9,
      errors: 7,
    });
    expect(rows.some((row) => row.key_id === unknownKey.id)).toBe(false);
  });

  it('keeps public routes open whatever credentials come with them', async () => {
    expect((await call('/health/live')).status).toBe(200);
    expect((await call('/health/live', 'not-a-key')).status).toBe(200);
  });
});
