import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { loadConfig, reservePort } from '@aip/platform';
import { loggedQuery } from '../analytics/query-text';
import { MAX_TRACKED_QUERIES, SearchStats } from '../analytics/search-stats.service';
import { VectorConfig } from '../config/vector.config';
import { sha256, storeNamespace } from '../store/store-namespace';
import { SearchCache } from './search-cache.service';

const REDIS_URL = process.env['AIP_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

const namespaces: string[] = [];

/** Each test gets its own namespace (a made-up Qdrant URL), so runs never meet in Redis. */
function config(env: Record<string, string> = {}): VectorConfig {
  const settings = loadConfig(VectorConfig, {
    QDRANT_URL: `http://test-${randomUUID()}:6333`,
    ...env,
  });
  namespaces.push(storeNamespace(settings.QDRANT_URL));
  return settings;
}

describe('SearchCache and SearchStats on the real Redis', () => {
  let redis: Redis;
  beforeAll(() => {
    redis = new Redis(REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    return new Promise((resolve) => redis.once('ready', resolve));
  });
  afterAll(async () => {
    for (const namespace of namespaces) {
      const keys = await redis.keys(`${namespace}:*`);
      if (keys.length > 0) await redis.del(...keys);
    }
    await redis.quit();
  });

  const search = { collection: 'docs', text: 'oak kitchen', limit: 5 };

  it('answers a repeated read from the cache, per tenant, until the collection is written', async () => {
    const cache = new SearchCache(redis, config());
    const first = await cache.lookup('search', 'docs', search);
    expect(first.hit).toBe(false);
    cache.store(first.key!, { points: [{ id: 1, score: 0.9 }] });
    await redis.ping();
    expect(
      await cache.lookup('search', 'docs', { limit: 5, text: 'oak kitchen', collection: 'docs' }),
    ).toMatchObject({
      hit: true,
      value: { points: [{ id: 1, score: 0.9 }] },
    });
    expect((await cache.lookup('search', 'docs', { ...search, tenant: 'acme' })).hit).toBe(false);

    await cache.bump('docs');
    expect((await cache.lookup('search', 'docs', search)).hit).toBe(false);
  });

  it('never revives old entries when Redis loses the version key', async () => {
    const settings = config();
    const cache = new SearchCache(redis, settings);
    const before = await cache.lookup('search', 'docs', search);
    cache.store(before.key!, { points: [] });
    const versionKey = `${storeNamespace(settings.QDRANT_URL)}:ver:docs`;
    await redis.del(versionKey);
    await cache.bump('docs');
    expect((await cache.lookup('search', 'docs', search)).hit).toBe(false);
    await redis.del(versionKey);
    expect((await cache.lookup('search', 'docs', search)).hit).toBe(false);
  });

  it('never revives old entries when the version key is lost within one clock tick', async () => {
    const now = jest.spyOn(Date, 'now').mockReturnValue(1_700_000_000_000);
    try {
      const settings = config();
      const cache = new SearchCache(redis, settings);
      const versionKey = `${storeNamespace(settings.QDRANT_URL)}:ver:docs`;
      const before = await cache.lookup('search', 'docs', search);
      cache.store(before.key!, { points: [] });
      await redis.del(versionKey);
      expect((await cache.lookup('search', 'docs', search)).hit).toBe(false);
      await redis.del(versionKey);
      await cache.bump('docs');
      expect((await cache.lookup('search', 'docs', search)).hit).toBe(false);
    } finally {
      now.mockRestore();
    }
  });

  it('stores nothing when the TTL is 0', async () => {
    const cache = new SearchCache(redis, config({ VECTOR_CACHE_TTL_SECONDS: '0' }));
    const lookup = await cache.lookup('search', 'docs', search);
    expect(lookup).toEqual({ hit: false });
  });

  it('bypasses an unreachable Redis quickly, never failing', async () => {
    const down = new Redis(`redis://127.0.0.1:${await reservePort()}`, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      lazyConnect: true,
    });
    down.connect().catch(() => undefined);
    const cache = new SearchCache(down, config());
    const started = Date.now();
    expect(await cache.lookup('search', 'docs', search)).toEqual({ hit: false });
    await expect(cache.bump('docs')).resolves.toBeUndefined();
    expect(Date.now() - started).toBeLessThan(1000);
    cache.onApplicationShutdown();
    down.disconnect();
  });

  it('reports latency percentiles and the frequent queries of the caller’s tenant only', async () => {
    const stats = new SearchStats(redis, config({ VECTOR_QUERY_LOG: 'stored' }));
    const read = { operation: 'search', collection: 'docs', texts: [] as string[] };
    for (let i = 0; i < 3; i++)
      stats.record({ ...read, hit: false, ms: 10, tenant: 'acme', texts: ['Oak kitchen'] });
    stats.record({ ...read, hit: true, ms: 0.5, tenant: 'globex', texts: ['secret plans'] });
    stats.record({ ...read, hit: true, ms: 0.5, texts: ['oak  KITCHEN'] });
    const all = await stats.report({});
    expect(all.latency.all.samples).toBe(5);
    expect(all.latency.cache_hit_ratio).toBe(0.4);
    expect(all.collections[0]).toMatchObject({
      collection: 'docs',
      frequent_queries: [
        { query: 'oak kitchen', count: 4 },
        { query: 'secret plans', count: 1 },
      ],
    });
    const acme = await stats.report({ tenant: 'acme', collection: 'docs' });
    expect(acme.collections[0].frequent_queries).toEqual([{ query: 'oak kitchen', count: 3 }]);
    expect(acme.latency.all).toMatchObject({ samples: 3, p99_ms: 10 });
    expect(acme.latency.cache_hit_ratio).toBe(0);
    expect(acme.collections[0].latency.all.samples).toBe(3);
  });

  it('keeps a tenant’s figures apart from other tenants’ searches, collections and evictions', async () => {
    const stats = new SearchStats(redis, config({ VECTOR_QUERY_LOG: 'stored' }));
    for (let i = 0; i < MAX_TRACKED_QUERIES + 5; i++)
      stats.record({
        operation: 'search',
        collection: 'other',
        hit: true,
        ms: 1,
        tenant: 'globex',
        texts: [`globex query ${i}`],
      });
    stats.record({
      operation: 'search',
      collection: 'docs',
      hit: false,
      ms: 7,
      tenant: 'acme',
      texts: ['oak kitchen'],
    });
    const acme = await stats.report({ tenant: 'acme' });
    expect(acme.collections.map((c) => c.collection)).toEqual(['docs']);
    expect(acme.latency.all).toMatchObject({ samples: 1, p50_ms: 7 });
    expect(acme.by_operation['search'].all.samples).toBe(1);
    expect(acme.collections[0].frequent_queries).toEqual([{ query: 'oak kitchen', count: 1 }]);
    const stranger = await stats.report({ tenant: 'initech' });
    expect(stranger.latency.all.samples).toBe(0);
    expect(stranger.collections).toEqual([]);
    const all = await stats.report({});
    expect(all.latency.all.samples).toBe(MAX_TRACKED_QUERIES + 6);
    expect(all.collections.map((c) => c.collection)).toEqual(['docs', 'other']);
  });

  it('hashes logged queries with a key kept in Redis that every replica shares', async () => {
    const settings = config();
    const first = new SearchStats(redis, settings);
    const second = new SearchStats(redis, settings);
    first.record({ operation: 'search', collection: 'docs', hit: false, ms: 2, texts: ['oak'] });
    second.record({ operation: 'search', collection: 'docs', hit: false, ms: 2, texts: ['oak'] });
    await Promise.all([first.flush(), second.flush()]);
    const [row] = (await first.report({ collection: 'docs' })).collections[0].frequent_queries;
    expect(row.count).toBe(2);
    expect(row.query).toMatch(/^hmac:[0-9a-f]{16}$/);
    expect(row.query).not.toContain(sha256('oak').slice(0, 16));
    const secret = await redis.get(`${storeNamespace(settings.QDRANT_URL)}:query-hash-secret`);
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    expect(row.query).toBe(loggedQuery('oak', { mode: 'hashed', key: secret! }));

    const configured = new SearchStats(redis, config({ VECTOR_QUERY_HASH_SECRET: 'k'.repeat(32) }));
    configured.record({
      operation: 'search',
      collection: 'docs',
      hit: false,
      ms: 2,
      texts: ['oak'],
    });
    const [keyed] = (await configured.report({ collection: 'docs' })).collections[0]
      .frequent_queries;
    expect(keyed.query).toBe(loggedQuery('oak', { mode: 'hashed', key: 'k'.repeat(32) }));
  });
});
