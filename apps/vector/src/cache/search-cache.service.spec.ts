import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { freePort, loadConfig } from '@aip/platform';
import { SearchStats } from '../analytics/search-stats.service';
import { VectorConfig } from '../config/vector.config';
import { storeNamespace } from './cache-key';
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

  it('stores nothing when the TTL is 0', async () => {
    const cache = new SearchCache(redis, config({ VECTOR_CACHE_TTL_SECONDS: '0' }));
    const lookup = await cache.lookup('search', 'docs', search);
    expect(lookup).toEqual({ hit: false });
  });

  it('bypasses an unreachable Redis quickly, never failing', async () => {
    const down = new Redis(`redis://127.0.0.1:${await freePort()}`, {
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
  });
});
