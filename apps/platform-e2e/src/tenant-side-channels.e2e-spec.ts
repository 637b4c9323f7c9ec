import { createHash } from 'node:crypto';
import { startTestStack, type TestStack } from '@aip/testing';
import { httpJson } from './http';

type Tenant = 'a' | 'b';

interface Point {
  id: string | number;
  payload: Record<string, unknown>;
}

interface Latency {
  all: { samples: number };
}

interface SearchAnalytics {
  query_log: string;
  latency: Latency;
  by_operation: Record<string, Latency>;
  collections: {
    collection: string;
    latency: Latency;
    frequent_queries: { query: string; count: number }[];
  }[];
}

/** Unique per run: Redis (caches, analytics) outlives the run's vector store. */
const RUN = `${process.pid}_${Date.now()}`;
const COLLECTION = `side_channels_${RUN}`;
const TEXTS: Record<Tenant, string[]> = {
  a: [
    'Our kitchen has solid oak cabinets and a quartz worktop.',
    'The garden beds are mulched every spring.',
    'The boiler pump got a new gasket last week.',
  ],
  b: ['Quarterly revenue grew while costs fell.', 'The board approved the merger plan.'],
};
/** Searches each tenant runs: B searches more often than A, with its own words. */
const SEARCHES: Record<Tenant, string[]> = {
  a: ['Oak  Kitchen', 'oak kitchen', 'garden beds'],
  b: ['secret merger', 'secret merger', 'secret merger', 'revenue plan', 'board vote'],
};

function plainHash(text: string): string {
  const normalised = text.trim().replace(/\s+/g, ' ').toLowerCase();
  return createHash('sha256').update(normalised).digest('hex').slice(0, 16);
}

describe('tenant side channels: counts, search analytics, query hashes and point ids (processes)', () => {
  let platform: TestStack;
  const keys = {} as Record<Tenant, string>;
  const tenants: Record<Tenant, string> = { a: `a_${RUN}`, b: `b_${RUN}` };
  const call = <T>(key: string, method: string, path: string, body?: unknown) =>
    httpJson<T>(`${platform.gatewayUrl}${path}`, {
      method,
      headers: { 'X-API-Key': key, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const analytics = (key: string) =>
    call<SearchAnalytics>(key, 'GET', `/api/v1/analytics/search?collection=${COLLECTION}&top=100`);

  beforeAll(async () => {
    platform = await startTestStack({
      apps: ['vector-engine', 'embedding', 'vector', 'gateway'],
      env: { GATEWAY_REQUIRED_SERVICES: 'embedding,vector' },
    });
    const created = await call(platform.adminKey, 'POST', '/api/v1/collections', {
      name: COLLECTION,
      model: 'default',
    });
    expect(created.status).toBe(201);
    for (const tenant of ['a', 'b'] as const) {
      const key = await call<{ key: string }>(platform.adminKey, 'POST', '/api/v1/admin/keys', {
        role: 'operator',
        tenant: tenants[tenant],
      });
      expect(key.status).toBe(201);
      keys[tenant] = key.body.key;
      const written = await call(keys[tenant], 'POST', '/api/v1/vectors/batch', {
        collection: COLLECTION,
        points: TEXTS[tenant].map((text) => ({ text })),
      });
      expect({ status: written.status, body: written.body }).toMatchObject({ status: 201 });
    }
    for (const tenant of ['a', 'b'] as const)
      for (const text of SEARCHES[tenant]) {
        const found = await call(keys[tenant], 'POST', '/api/v1/vectors/search', {
          collection: COLLECTION,
          text,
        });
        expect(found.status).toBe(200);
      }
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  });

  it('counts only the caller’s own points in collection details and similarity stats', async () => {
    for (const tenant of ['a', 'b'] as const) {
      const details = await call<Record<string, unknown>>(
        keys[tenant],
        'GET',
        `/api/v1/collections/${COLLECTION}`,
      );
      expect(details.status).toBe(200);
      expect(details.body['points_count']).toBe(TEXTS[tenant].length);
      expect(details.body).not.toHaveProperty('indexed_vectors_count');
      const stats = await call<Record<string, unknown>>(
        keys[tenant],
        'GET',
        `/api/v1/similarity/stats?collection=${COLLECTION}`,
      );
      expect(stats.status).toBe(200);
      expect(stats.body['points_count']).toBe(TEXTS[tenant].length);
      expect(stats.body).not.toHaveProperty('indexed_vectors_count');
    }
    const all = await call<Record<string, unknown>>(
      platform.adminKey,
      'GET',
      `/api/v1/similarity/stats?collection=${COLLECTION}`,
    );
    expect(all.body['points_count']).toBe(TEXTS.a.length + TEXTS.b.length);
    expect(all.body['indexed_vectors_count']).toEqual(expect.any(Number));
  });

  it('reports a tenant’s own search latencies and frequent queries, none of the other’s', async () => {
    const [a, b, all] = await Promise.all([
      analytics(keys.a),
      analytics(keys.b),
      analytics(platform.adminKey),
    ]);
    for (const reply of [a, b, all]) expect(reply.status).toBe(200);
    expect(a.body.latency.all.samples).toBe(SEARCHES.a.length);
    expect(a.body.by_operation['search'].all.samples).toBe(SEARCHES.a.length);
    expect(b.body.latency.all.samples).toBe(SEARCHES.b.length);
    expect(all.body.latency.all.samples).toBeGreaterThanOrEqual(
      SEARCHES.a.length + SEARCHES.b.length,
    );
    const [mine] = a.body.collections;
    expect(mine.collection).toBe(COLLECTION);
    expect(mine.latency.all.samples).toBe(SEARCHES.a.length);
    // 'Oak  Kitchen' and 'oak kitchen' are one query; B's three 'secret merger' are not A's.
    expect(mine.frequent_queries.map((q) => q.count)).toEqual([2, 1]);
    const theirs = new Set(b.body.collections[0].frequent_queries.map((q) => q.query));
    expect(mine.frequent_queries.filter((q) => theirs.has(q.query))).toEqual([]);
    expect(b.body.collections[0].frequent_queries.map((q) => q.count)).toEqual([3, 1, 1]);
    expect(all.body.collections[0].frequent_queries.map((q) => q.count)).toEqual([3, 2, 1, 1, 1]);
  });

  it('keys the stored query hashes: none is the plain SHA-256 prefix of the query', async () => {
    const { body } = await analytics(platform.adminKey);
    expect(body.query_log).toBe('hashed');
    const stored = body.collections[0].frequent_queries.map((q) => q.query);
    expect(stored).toHaveLength(5);
    const plain = [...SEARCHES.a, ...SEARCHES.b].map(plainHash);
    for (const query of stored) {
      expect(query).toMatch(/^hmac:[0-9a-f]{16}$/);
      expect(plain).not.toContain(query.slice('hmac:'.length));
    }
  });

  it('answers an upsert of another tenant’s id as one of a new id, and leaves that point alone', async () => {
    const base = `/api/v1/vectors`;
    const vector = (x: number) => Array.from({ length: 100 }, (_, i) => (i === x ? 1 : 0.01));
    const taken = await call(keys.a, 'POST', `${base}/insert`, {
      collection: COLLECTION,
      id: 4242,
      vector: vector(1),
      payload: { owner: 'a' },
    });
    expect(taken.status).toBe(201);

    const write = async (id: number) => {
      const { status, body } = await call(keys.b, 'POST', `${base}/insert`, {
        collection: COLLECTION,
        id,
        vector: vector(2),
        payload: { owner: 'b' },
      });
      return { status, body };
    };
    const read = async (key: string, id: number) => {
      const response = await call<Point>(key, 'GET', `${base}/${id}?collection=${COLLECTION}`);
      return {
        status: response.status,
        id: response.body.id,
        owner: response.body.payload?.['owner'],
      };
    };
    // What B sees of A's id and of an id nobody has: the same, up to the id itself.
    expect(await read(keys.b, 4242)).toEqual(await read(keys.b, 4343));
    const used = await write(4242);
    const free = await write(4343);
    expect(used).toEqual({ status: 201, body: { ids: [4242], embedded: 0 } });
    expect(free).toEqual({ status: 201, body: { ids: [4343], embedded: 0 } });
    expect(await read(keys.b, 4242)).toEqual({ status: 200, id: 4242, owner: 'b' });
    expect(await read(keys.b, 4343)).toEqual({ status: 200, id: 4343, owner: 'b' });

    // A's point is as A left it, and each tenant lists its own 4242 only.
    expect(await read(keys.a, 4242)).toEqual({ status: 200, id: 4242, owner: 'a' });
    for (const [tenant, owner] of [
      ['a', 'a'],
      ['b', 'b'],
    ] as const) {
      const listed = await call<{ points: Point[] }>(keys[tenant], 'POST', `${base}/scroll`, {
        collection: COLLECTION,
        filter: { must: [{ has_id: [4242] }] },
      });
      expect(listed.body.points.map((p) => [p.id, p.payload['owner']])).toEqual([[4242, owner]]);
    }

    // B's delete of 4242 takes its own point, never A's.
    const deleted = await call<{ deleted: number }>(
      keys.b,
      'DELETE',
      `${base}/4242?collection=${COLLECTION}`,
    );
    expect(deleted.body).toEqual({ deleted: 1 });
    expect(await read(keys.a, 4242)).toEqual({ status: 200, id: 4242, owner: 'a' });
  });
});
