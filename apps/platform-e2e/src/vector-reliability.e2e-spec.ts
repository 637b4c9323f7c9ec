import { randomUUID } from 'node:crypto';
import { waitFor } from '@aip/platform';
import { startTestStack, type TestStack } from '@aip/testing';
import { httpJson, type ErrorBodyShape } from './http';

interface Hit {
  id: string | number;
  score: number;
  payload: Record<string, unknown>;
}

interface LatencyShape {
  samples: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
}

/** Longest a search may take to report the vector store unavailable. */
const OUTAGE_ANSWER_MS = 2000;
/** Longest the platform may take to serve searches again once vector-engine is back. */
const RECOVERY_MS = 10_000;

const QUERY = 'modern kitchen with oak finishes';

describe('vector service reliability through the gateway: search cache, vector-store outage, analytics (processes, real NATS, Redis and vector-engine)', () => {
  let platform: TestStack;
  const collection = `reliability_${Date.now()}`;
  const call = <T>(method: string, path: string, body?: unknown, key = platform.adminKey) =>
    httpJson<T>(`${platform.gatewayUrl}${path}`, {
      method,
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const search = (text: string) =>
    call<{ points: Hit[] }>('POST', '/api/v1/vectors/search', { collection, text, top_k: 3 });

  /** The vector service's cache hit counter for plain searches, from its own /metrics. */
  const cacheHits = async (): Promise<number> => {
    const metrics = await httpJson<string>(`${platform.stack.url('vector')}/metrics`);
    const match = /aip_vector_cache_hits_total\{operation="search"\} (\d+)/.exec(metrics.body);
    return match ? Number(match[1]) : 0;
  };

  beforeAll(async () => {
    platform = await startTestStack({
      apps: ['vector-engine', 'embedding', 'vector', 'gateway'],
      env: { GATEWAY_REQUIRED_SERVICES: 'embedding,vector', VECTOR_QUERY_LOG: 'stored' },
    });
    const created = await call('POST', '/api/v1/collections', {
      name: collection,
      model: 'default',
    });
    expect(created.status).toBe(201);
    const inserted = await call('POST', '/api/v1/vectors/batch', {
      collection,
      points: [
        { text: 'We renovated the kitchen: new cabinets, stone counters and a tiled floor.' },
        { text: 'The central bank raised interest rates by a quarter point.' },
        { text: 'A puppy chased a ball across the garden.' },
      ],
    });
    expect(inserted.status).toBe(201);
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  });

  it('serves a repeated search from the cache, and never a stale one after insert, update or delete', async () => {
    const first = await search(QUERY);
    expect(first.status).toBe(200);
    const hitsBefore = await cacheHits();
    const again = await search(QUERY);
    expect(again.body).toEqual(first.body);
    expect(await cacheHits()).toBe(hitsBefore + 1);

    const id = randomUUID();
    const put = await call('POST', '/api/v1/vectors/insert', { collection, id, text: QUERY });
    expect(put.status).toBe(201);
    expect((await search(QUERY)).body.points[0].id).toBe(id);

    const changed = await call('PUT', `/api/v1/vectors/${id}?collection=${collection}`, {
      text: 'stock market closing prices',
    });
    expect(changed.status).toBe(200);
    const afterUpdate = (await search(QUERY)).body.points;
    expect(afterUpdate[0].id).not.toBe(id);
    for (const hit of afterUpdate.filter((h) => h.id === id))
      expect(hit.payload['text']).toBe('stock market closing prices');

    await call('PUT', `/api/v1/vectors/${id}?collection=${collection}`, { text: QUERY });
    expect((await search(QUERY)).body.points[0].id).toBe(id);

    const deleted = await call('DELETE', `/api/v1/vectors/${id}?collection=${collection}`);
    expect(deleted.status).toBe(200);
    expect((await search(QUERY)).body.points.map((h) => h.id)).not.toContain(id);
  }, 30_000);

  it('reports collection figures and search latency percentiles with cache hits, scoped for tenant keys', async () => {
    const vectors = await call<{
      scope: string;
      collections: Record<string, unknown>[];
    }>('GET', `/api/v1/analytics/vectors?collection=${collection}`);
    expect(vectors.status).toBe(200);
    expect(vectors.body.scope).toBe('all');
    expect(vectors.body.collections).toEqual([
      {
        name: collection,
        points_count: 3,
        dimension: 100,
        distance: 'Cosine',
        model: 'default',
        indexed_vectors_count: expect.any(Number),
        indexed_share: expect.any(Number),
        status: expect.any(String),
        payload_fields: expect.objectContaining({ tenant_id: { type: 'keyword', points: 0 } }),
      },
    ]);

    const searches = await call<{
      window: { samples: number };
      query_log: string;
      latency: { all: LatencyShape; cache_hit: LatencyShape; cache_miss: LatencyShape };
      collections: {
        collection: string;
        latency: { all: LatencyShape; cache_hit_ratio: number };
        frequent_queries: { query: string; count: number }[];
      }[];
    }>('GET', '/api/v1/analytics/search');
    expect(searches.status).toBe(200);
    expect(searches.body.window).toEqual({ samples: 10_000 });
    expect(searches.body.query_log).toBe('stored');
    const { all, cache_hit, cache_miss } = searches.body.latency;
    expect(all.samples).toBeGreaterThanOrEqual(6);
    expect(all.p50_ms).toBeGreaterThan(0);
    expect(all.p95_ms).toBeGreaterThanOrEqual(all.p50_ms);
    expect(all.p99_ms).toBeGreaterThanOrEqual(all.p95_ms);
    expect(cache_hit.samples).toBeGreaterThanOrEqual(1);
    expect(cache_miss.samples).toBeGreaterThanOrEqual(5);
    const mine = searches.body.collections.find((c) => c.collection === collection)!;
    expect(mine.latency.cache_hit_ratio).toBeGreaterThan(0);
    expect(mine.frequent_queries[0]).toEqual({ query: QUERY, count: 6 });

    const tenantKey = await call<{ key: string }>('POST', '/api/v1/admin/keys', {
      role: 'operator',
      tenant: `acme-${Date.now()}`,
    });
    expect(tenantKey.status).toBe(201);
    const scoped = await call<{
      scope: string;
      collections: Record<string, unknown>[];
    }>('GET', `/api/v1/analytics/vectors?collection=${collection}`, undefined, tenantKey.body.key);
    expect(scoped.body.scope).toBe('tenant');
    expect(scoped.body.collections[0]).toMatchObject({ points_count: 0 });
    expect(scoped.body.collections[0]).not.toHaveProperty('indexed_vectors_count');
    const scopedSearch = await call<{ collections: { frequent_queries: unknown[] }[] }>(
      'GET',
      `/api/v1/analytics/search?collection=${collection}`,
      undefined,
      tenantKey.body.key,
    );
    expect(scopedSearch.body.collections[0].frequent_queries).toEqual([]);

    expect((await call('GET', '/api/v1/analytics/usage')).status).toBe(200);
    const tooMany = await call<ErrorBodyShape>('GET', '/api/v1/analytics/search?top=101');
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toContain('top must be at most 100');
  }, 30_000);

  it('answers 503 VECTOR_STORE_UNAVAILABLE within 2 s while vector-engine is stopped, and recovers by itself when it returns', async () => {
    const vectorPid = platform.stack.process('vector').pid;
    await platform.stack.process('vector-engine').stop(5000);

    const durations: number[] = [];
    for (let i = 0; i < 8; i++) {
      const started = performance.now();
      const down = await call<ErrorBodyShape>('POST', '/api/v1/vectors/search', {
        collection,
        text: `an uncached query ${i}`,
      });
      durations.push(performance.now() - started);
      expect(down.status).toBe(503);
      expect(down.body.error.code).toBe('VECTOR_STORE_UNAVAILABLE');
      expect(down.body.error.message).toContain('the vector store at http://127.0.0.1:');
      expect(down.body.error.details?.['retryAfterSeconds']).toBeGreaterThanOrEqual(1);
    }
    process.stdout.write(
      `503 answers while vector-engine is stopped (ms): ${durations.map((ms) => ms.toFixed(1)).join(', ')}\n`,
    );
    expect(Math.max(...durations)).toBeLessThan(OUTAGE_ANSWER_MS);

    const health = await waitFor(
      async () => {
        const reply = await call<ErrorBodyShape>('GET', '/api/v1/health');
        const services = reply.body.error?.details?.['services'] as
          | Record<string, { checks?: Record<string, { status: string; breaker?: string }> }>
          | undefined;
        return services?.['vector']?.checks?.['qdrant']?.status === 'down' ? reply : undefined;
      },
      { timeoutMs: 5000, what: 'the gateway health to show the vector store down' },
    );
    expect(health.status).toBe(503);
    expect(health.body.error.details?.['missing']).toEqual(['vector']);
    expect(JSON.stringify(health.body.error.details?.['services'])).toContain('"breaker":"open"');

    platform.stack.start('vector-engine');
    await platform.stack.waitReady('vector-engine', 30_000);
    const back = Date.now();
    // A query never answered before: a cached reply would not prove that Qdrant is reachable.
    const recovered = await waitFor(
      async () => {
        const reply = await search('kitchen renovation after the outage');
        return reply.status === 200 ? reply : undefined;
      },
      { timeoutMs: RECOVERY_MS, intervalMs: 200, what: 'searches to succeed again' },
    );
    process.stdout.write(
      `searches succeed again ${Date.now() - back} ms after vector-engine is back\n`,
    );
    expect(recovered.body.points[0].payload['text']).toContain('kitchen');
    expect(platform.stack.process('vector').pid).toBe(vectorPid);
    expect((await call('GET', '/api/v1/health')).status).toBe(200);
  }, 60_000);
});
