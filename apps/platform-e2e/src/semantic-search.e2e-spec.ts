import { startTestStack, type TestStack } from '@aip/testing';
import { httpJson, type ErrorBodyShape } from './http';

interface Hit {
  id: string | number;
  score: number;
  payload: Record<string, unknown>;
  vector?: number[];
}
interface SearchReply {
  mode: string;
  points: Hit[];
}

/** Unique per run: Redis (embedding and result caches) outlives the run's vector store. */
const COLLECTION = `search_${Date.now()}`;
/** Short unrelated documents; `kitchen` is the one "modern kitchen with oak finishes" is about. */
const DOCUMENTS = {
  kitchen:
    'Kitchen renovation: we fitted solid oak cabinets, a quartz worktop and modern handleless doors in the open-plan kitchen.',
  football:
    'Match report: United beat City two goals to one with a late header in stoppage time before a packed stadium.',
  stocks:
    'Stock market update: shares fell sharply as the central bank raised interest rates and bond yields climbed.',
  recipe:
    'Recipe: simmer tomatoes, garlic and basil for twenty minutes, then toss with fresh pasta and grated parmesan.',
  garden:
    'Gardening tip: water tomato plants early in the morning and mulch the beds so the soil stays moist in summer.',
  travel:
    'Travel guide: the old town of Lisbon is best explored on foot, with yellow trams climbing the steep hills.',
  phone:
    'Phone review: the new handset has a brighter screen, a faster chip and a battery that lasts two full days.',
  plumbing:
    'Maintenance log: the technician replaced a worn gasket on the boiler pump and checked the pressure valve.',
};
type Doc = keyof typeof DOCUMENTS;

describe('semantic search through the gateway: dense, keyword, hybrid, batch, update, similarity (processes, real NATS and Redis)', () => {
  let platform: TestStack;
  const ids = {} as Record<Doc, string>;
  const docOf = (id: string | number) => (Object.keys(ids) as Doc[]).find((doc) => ids[doc] === id);
  const call = <T>(method: string, path: string, body?: unknown, key = platform.adminKey) =>
    httpJson<T>(`${platform.gatewayUrl}${path}`, {
      method,
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const search = (body: Record<string, unknown>) =>
    call<SearchReply>('POST', '/api/v1/vectors/search', { collection: COLLECTION, ...body });

  beforeAll(async () => {
    platform = await startTestStack({
      apps: ['vector-engine', 'embedding', 'vector', 'gateway'],
      env: {
        GATEWAY_REQUIRED_SERVICES: 'embedding,vector',
        GATEWAY_DEFAULT_COLLECTION: COLLECTION,
      },
    });
    const created = await call('POST', '/api/v1/collections', {
      name: COLLECTION,
      model: 'default',
    });
    expect(created.status).toBe(201);
    const docs = Object.keys(DOCUMENTS) as Doc[];
    const inserted = await call<{ ids: string[] }>('POST', '/api/v1/vectors/batch', {
      collection: COLLECTION,
      points: docs.map((doc) => ({ text: DOCUMENTS[doc], payload: { doc, source: 'e2e' } })),
    });
    expect(inserted.status).toBe(201);
    docs.forEach((doc, i) => (ids[doc] = inserted.body.ids[i]));
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  });

  it('finds the kitchen renovation first for "modern kitchen with oak finishes", dense and hybrid', async () => {
    const text = 'modern kitchen with oak finishes';
    const dense = await search({ text, mode: 'dense', top_k: 3 });
    expect(dense.status).toBe(200);
    expect(dense.body.mode).toBe('dense');
    expect(docOf(dense.body.points[0].id)).toBe('kitchen');
    const hybrid = await search({ text, top_k: 3 });
    expect(hybrid.body.mode).toBe('hybrid');
    expect(docOf(hybrid.body.points[0].id)).toBe('kitchen');
    expect(hybrid.body.points[0].payload).toMatchObject({
      doc: 'kitchen',
      text: DOCUMENTS.kitchen,
    });
  });

  it('keyword mode finds only the documents holding the exact word', async () => {
    const keyword = await search({ text: 'gasket', mode: 'keyword', top_k: 5 });
    expect(keyword.status).toBe(200);
    expect(keyword.body.points.map((p) => docOf(p.id))).toEqual(['plumbing']);
    expect(keyword.body.points[0].score).toBeGreaterThan(0);
  });

  it('returns only the payload fields asked for, and the dense vectors on request', async () => {
    const { body } = await search({
      text: 'pasta with tomatoes',
      top_k: 2,
      with_payload: ['doc'],
      with_vectors: true,
    });
    expect(Object.keys(body.points[0].payload)).toEqual(['doc']);
    expect(body.points[0].vector).toHaveLength(100);
    const bare = await search({ text: 'pasta with tomatoes', top_k: 1, with_payload: false });
    expect(bare.body.points[0].payload).toEqual({});
  });

  it('applies the filter in every mode', async () => {
    const filter = { must: [{ key: 'doc', match: { any: ['recipe', 'garden'] } }] };
    for (const mode of ['dense', 'keyword', 'hybrid']) {
      const { status, body } = await search({ text: 'kitchen oak tomatoes', mode, filter });
      expect(status).toBe(200);
      expect(body.points.length).toBeGreaterThan(0);
      for (const point of body.points) expect(['recipe', 'garden']).toContain(docOf(point.id));
    }
  });

  it('answers a batch of searches per query, in order', async () => {
    const { status, body } = await call<{ results: SearchReply[] }>(
      'POST',
      '/api/v1/vectors/search/batch',
      {
        collection: COLLECTION,
        queries: [
          { text: 'the bank raised interest rates', top_k: 2 },
          { text: 'a late goal won the football match', mode: 'dense', top_k: 1 },
          { text: 'Lisbon trams', mode: 'keyword' },
        ],
      },
    );
    expect(status).toBe(200);
    expect(body.results.map((r) => [r.mode, docOf(r.points[0].id)])).toEqual([
      ['hybrid', 'stocks'],
      ['dense', 'football'],
      ['keyword', 'travel'],
    ]);
    expect(body.results.map((r) => r.points.length)).toEqual([2, 1, 1]);
  });

  it('PUT with a new text re-embeds it: search finds the new text, not the old one', async () => {
    const id = ids.garden;
    const updated = await call<Hit>('PUT', `/api/v1/vectors/${id}?collection=${COLLECTION}`, {
      text: 'Astronomy night: through the telescope we watched the rings of Saturn and its moons.',
      payload: { topic: 'space' },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.payload).toMatchObject({ doc: 'garden', source: 'e2e', topic: 'space' });
    const now = await search({ text: 'planets seen through a telescope', top_k: 1 });
    expect(now.body.points[0].id).toBe(id);
    const old = await search({ text: 'mulch', mode: 'keyword' });
    expect(old.body.points.map((p) => p.id)).not.toContain(id);
    const unknown = await call<ErrorBodyShape>(
      'PUT',
      '/api/v1/vectors/00000000-0000-4000-8000-000000000000',
      { collection: COLLECTION, payload: { topic: 'x' } },
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain(`No point 00000000-0000-4000-8000-000000000000`);
  });

  it('lets a tenant-scoped key update only its own points', async () => {
    const created = await call<{ key: string }>('POST', '/api/v1/admin/keys', {
      role: 'writer',
      tenant: 'acme',
    });
    const tenantKey = created.body.key;
    const foreign = await call<ErrorBodyShape>(
      'PUT',
      `/api/v1/vectors/${ids.phone}`,
      { collection: COLLECTION, payload: { topic: 'stolen' } },
      tenantKey,
    );
    expect(foreign.status).toBe(404);
    const own = await call<{ ids: string[] }>(
      'POST',
      '/api/v1/vectors/insert',
      { collection: COLLECTION, text: 'acme internal memo about quarterly planning' },
      tenantKey,
    );
    const changed = await call<Hit>(
      'PUT',
      `/api/v1/vectors/${own.body.ids[0]}`,
      { collection: COLLECTION, payload: { tenant_id: 'other', reviewed: true } },
      tenantKey,
    );
    expect(changed.status).toBe(200);
    expect(changed.body.payload).toMatchObject({ tenant_id: 'acme', reviewed: true });
    const found = await call<SearchReply>(
      'POST',
      '/api/v1/vectors/search',
      { collection: COLLECTION, text: 'quarterly planning kitchen football', top_k: 20 },
      tenantKey,
    );
    expect(found.body.mode).toBe('hybrid');
    expect(found.body.points.map((p) => p.id)).toEqual([own.body.ids[0]]);
  });

  it('find-similar, batch-similar and stats answer their documented shapes', async () => {
    const similar = await call<{ collection: string; results: Hit[]; search_time_ms: number }>(
      'POST',
      '/api/v1/similarity/find-similar',
      { query: 'modern kitchen with oak finishes', top_k: 2, threshold: 0.1 },
    );
    expect(similar.status).toBe(200);
    expect(similar.body.collection).toBe(COLLECTION);
    expect(docOf(similar.body.results[0].id)).toBe('kitchen');
    expect(similar.body.results.every((hit) => hit.score >= 0.1)).toBe(true);
    expect(similar.body.search_time_ms).toBeGreaterThan(0);
    const strict = await call<{ results: Hit[] }>('POST', '/api/v1/similarity/find-similar', {
      query: 'modern kitchen with oak finishes',
      threshold: 0.999,
    });
    expect(strict.body.results).toEqual([]);
    const batch = await call<{
      results: { query: string; results: Hit[] }[];
      batch_time_ms: number;
    }>('POST', '/api/v1/similarity/batch-similar', {
      queries: ['smartphone battery life', 'fresh pasta recipe'],
      top_k: 1,
      collection: COLLECTION,
    });
    expect(batch.status).toBe(200);
    expect(batch.body.results.map((r) => [r.query, docOf(r.results[0].id)])).toEqual([
      ['smartphone battery life', 'phone'],
      ['fresh pasta recipe', 'recipe'],
    ]);
    expect(batch.body.batch_time_ms).toBeGreaterThan(0);
    const stats = await call<Record<string, unknown>>('GET', '/api/v1/similarity/stats');
    expect(stats.status).toBe(200);
    expect(stats.body).toMatchObject({ collection: COLLECTION, points_count: 9, status: 'green' });
    expect(typeof stats.body['indexed_vectors_count']).toBe('number');
  });

  it('answers bad searches with 4xx messages that name the problem', async () => {
    const expectError = async (
      reply: Promise<{ status: number; body: ErrorBodyShape }>,
      status: number,
      ...fragments: string[]
    ) => {
      const { status: got, body } = await reply;
      expect([got, body.error.message]).toEqual([status, expect.any(String)]);
      for (const fragment of fragments) expect(body.error.message).toContain(fragment);
    };
    const error = (path: string, body: unknown, method = 'POST') =>
      call<ErrorBodyShape>(method, path, body);
    await expectError(
      error('/api/v1/vectors/search', { collection: 'no_such_collection', text: 'x' }),
      404,
      'no_such_collection',
    );
    await expectError(
      error('/api/v1/vectors/search', { collection: COLLECTION, vector: [0.1, 0.2, 0.3] }),
      400,
      '3 dimensions',
      'takes 100',
    );
    await expectError(
      error('/api/v1/vectors/search', {
        collection: COLLECTION,
        text: 'x',
        filter: { doc: 'kitchen' },
      }),
      400,
      'filter.doc is not a filter clause',
    );
    await expectError(
      error('/api/v1/vectors/search', {
        collection: COLLECTION,
        text: 'x',
        filter: { must: [{ key: 'doc', match: { nothing: 1 } }] },
      }),
      400,
      'match',
    );
    await expectError(
      error('/api/v1/vectors/search', { collection: COLLECTION, text: 'x', top_k: 1001 }),
      400,
      'top_k must be at most 1000',
    );
    await expectError(
      error('/api/v1/vectors/search', {
        collection: COLLECTION,
        vector: new Array(100).fill(0.1),
        mode: 'keyword',
      }),
      400,
      'mode keyword needs a text query',
    );
    await expectError(
      error('/api/v1/vectors/search/batch', {
        collection: COLLECTION,
        queries: Array.from({ length: 101 }, () => ({ text: 'x' })),
      }),
      400,
      'at most 100 queries',
    );
    await expectError(
      error('/api/v1/similarity/batch-similar', {
        queries: Array.from({ length: 50 }, (_, i) => `query ${i}`),
        top_k: 30,
      }),
      400,
      '1500 results',
      'at most 1000',
    );
    await expectError(
      error('/api/v1/similarity/find-similar', { query: 'x', collection: 'no_such_collection' }),
      404,
      'no_such_collection',
    );
  });
});
