import { startTestEngine, type TestEngine } from '../testing/start-test-engine';

/** Deterministic pseudo-random numbers, so the data is the same on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32 - 0.5;
  };
}

describe('vector-engine through @qdrant/js-client-rest: search, recommend and query', () => {
  let t: TestEngine;

  beforeAll(async () => {
    t = await startTestEngine();
    await t.client.createCollection('s', { vectors: { size: 2, distance: 'Cosine' } });
    await t.client.upsert('s', {
      wait: true,
      points: [
        { id: 1, vector: [1, 0], payload: { group: 'a', rank: 1 } },
        { id: 2, vector: [0.9, 0.1], payload: { group: 'b', rank: 2 } },
        { id: 3, vector: [0, 1], payload: { group: 'a', rank: 3 } },
        { id: 4, vector: [-1, 0], payload: { group: 'b', rank: 4 } },
      ],
    });
  });
  afterAll(async () => {
    await t.stop();
  });

  it('searches by cosine similarity with scores, filter, threshold, offset and payload selectors', async () => {
    const hits = await t.client.search('s', { vector: [1, 0], limit: 3 });
    expect(hits.map((h) => h.id)).toEqual([1, 2, 3]);
    expect(hits[0].score).toBeCloseTo(1, 5);
    const raw = await fetch(`${t.url}/collections/s/points/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ vector: [1, 0], limit: 1 }),
    });
    const body = (await raw.json()) as {
      result: { payload: unknown; vector: unknown }[];
      status: string;
    };
    expect(body.status).toBe('ok');
    expect(body.result[0]).toMatchObject({ id: 1, payload: null, vector: null });
    const filtered = await t.client.search('s', {
      vector: [1, 0],
      limit: 5,
      filter: { must: [{ key: 'group', match: { value: 'b' } }] },
      with_payload: { include: ['rank'] },
    });
    expect(filtered.map((h) => [h.id, h.payload])).toEqual([
      [2, { rank: 2 }],
      [4, { rank: 4 }],
    ]);
    const above = await t.client.search('s', { vector: [1, 0], limit: 5, score_threshold: 0.5 });
    expect(above.map((h) => h.id)).toEqual([1, 2]);
    const paged = await t.client.search('s', { vector: [1, 0], limit: 2, offset: 1 });
    expect(paged.map((h) => h.id)).toEqual([2, 3]);
    const batch = await t.client.searchBatch('s', {
      searches: [
        { vector: [0, 1], limit: 1 },
        { vector: [-1, 0], limit: 1 },
      ],
    });
    expect(batch.map((r) => r[0].id)).toEqual([3, 4]);
  });

  it('recommends from positive and negative ids or vectors, never returning the examples', async () => {
    const hits = await t.client.recommend('s', { positive: [1], negative: [4], limit: 2 });
    expect(hits.map((h) => h.id)).toEqual([2, 3]);
    const byVector = await t.client.recommend('s', { positive: [[0, 1]], limit: 1 });
    expect(byVector[0].id).toBe(3);
    const best = await t.client.recommend('s', {
      positive: [1],
      negative: [3],
      strategy: 'best_score',
      limit: 1,
    });
    expect(best[0].id).toBe(2);
    const batch = await t.client.recommendBatch('s', { searches: [{ positive: [3], limit: 1 }] });
    expect(batch[0][0].id).not.toBe(3);
  });

  it('answers the universal query: nearest, by id, recommend, order_by, sample', async () => {
    expect((await t.client.query('s', { query: [0, 1], limit: 1 })).points[0].id).toBe(3);
    expect(
      (await t.client.query('s', { query: { nearest: [1, 0] }, limit: 1, with_payload: true }))
        .points[0],
    ).toMatchObject({
      id: 1,
      payload: { group: 'a', rank: 1 },
    });
    expect((await t.client.query('s', { query: 1, limit: 1 })).points[0].id).toBe(2);
    const recommended = await t.client.query('s', {
      query: { recommend: { positive: [1], negative: [4] } },
      limit: 1,
    });
    expect(recommended.points[0].id).toBe(2);
    await t.client.createPayloadIndex('s', {
      field_name: 'rank',
      field_schema: 'integer',
      wait: true,
    });
    const ordered = await t.client.query('s', {
      query: { order_by: { key: 'rank', direction: 'desc' } },
      limit: 2,
    });
    expect(ordered.points.map((p) => p.id)).toEqual([4, 3]);
    const sampled = await t.client.query('s', { query: { sample: 'random' }, limit: 4 });
    expect(sampled.points.map((p) => p.id).sort()).toEqual([1, 2, 3, 4]);
  });

  it('fuses dense and sparse prefetches with RRF for hybrid search (idf modifier)', async () => {
    await t.client.createCollection('hybrid', {
      vectors: { dense: { size: 2, distance: 'Cosine' } },
      sparse_vectors: { keywords: { modifier: 'idf' } },
    });
    await t.client.upsert('hybrid', {
      wait: true,
      points: [
        { id: 1, vector: { dense: [1, 0], keywords: { indices: [1, 7], values: [1, 1] } } },
        { id: 2, vector: { dense: [0.8, 0.2], keywords: { indices: [7], values: [1] } } },
        { id: 3, vector: { dense: [0, 1], keywords: { indices: [42], values: [2] } } },
      ],
    });
    const sparseOnly = await t.client.query('hybrid', {
      query: { indices: [42], values: [1] },
      using: 'keywords',
      limit: 3,
    });
    expect(sparseOnly.points.map((p) => p.id)).toEqual([3]);
    const fused = await t.client.query('hybrid', {
      prefetch: [
        { query: [0, 1], using: 'dense', limit: 3 },
        { query: { indices: [42], values: [1] }, using: 'keywords', limit: 3 },
      ],
      query: { fusion: 'rrf' },
      limit: 3,
    });
    expect(fused.points[0].id).toBe(3);
    expect(fused.points[0].score).toBeCloseTo(1 / 2 + 1 / 2, 5);
    const rescored = await t.client.query('hybrid', {
      prefetch: { query: { indices: [7], values: [1] }, using: 'keywords', limit: 10 },
      query: [1, 0],
      using: 'dense',
      limit: 1,
    });
    expect(rescored.points[0].id).toBe(1);
  });

  it('never returns deleted points', async () => {
    await t.client.delete('s', { wait: true, points: [1] });
    const hits = await t.client.search('s', { vector: [1, 0], limit: 4 });
    expect(hits.map((h) => h.id)).not.toContain(1);
  });

  it('indexes in the background (yellow, then green) and graph search agrees with exact search', async () => {
    const dim = 16;
    const random = seeded(7);
    await t.client.createCollection('big', {
      vectors: { size: dim, distance: 'Cosine' },
      optimizers_config: { indexing_threshold: 20 },
    });
    const ids = Array.from({ length: 3000 }, (_, i) => i + 1);
    for (let start = 0; start < ids.length; start += 500) {
      const chunk = ids.slice(start, start + 500);
      await t.client.upsert('big', {
        wait: true,
        batch: {
          ids: chunk,
          vectors: chunk.map(() => Array.from({ length: dim }, random)),
          payloads: chunk.map((id) => ({ even: id % 2 === 0 })),
        },
      });
    }
    const first = await t.client.getCollection('big');
    expect(first.points_count).toBe(3000);
    let info = first;
    const deadline = Date.now() + 60_000;
    while (info.status !== 'green' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      info = await t.client.getCollection('big');
    }
    expect(info.status).toBe('green');
    expect(info.indexed_vectors_count).toBe(3000);

    let found = 0;
    for (let q = 0; q < 20; q++) {
      const vector = Array.from({ length: dim }, random);
      const exact = await t.client.search('big', { vector, limit: 10, params: { exact: true } });
      const graph = await t.client.search('big', { vector, limit: 10 });
      const truth = new Set(exact.map((h) => h.id));
      found += graph.filter((h) => truth.has(h.id)).length;
      const filtered = await t.client.search('big', {
        vector,
        limit: 5,
        filter: { must: [{ key: 'even', match: { value: true } }] },
      });
      expect(filtered.every((h) => Number(h.id) % 2 === 0)).toBe(true);
      expect(filtered).toHaveLength(5);
    }
    expect(found / 200).toBeGreaterThanOrEqual(0.95);
  }, 90_000);
});
