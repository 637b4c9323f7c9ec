import { startTestEngine, type TestEngine } from '../testing/start-test-engine';

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32 - 0.5;
  };
}

async function waitGreen(t: TestEngine, name: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if ((await t.client.getCollection(name)).status === 'green') return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${name} did not finish indexing`);
}

describe('vector-engine: scalar int8 quantization', () => {
  const dim = 32;
  const random = seeded(11);
  const vectors = Array.from({ length: 3000 }, () =>
    Array.from({ length: dim }, () => random() * 4),
  );
  const queries = Array.from({ length: 20 }, () => Array.from({ length: dim }, () => random() * 4));
  let t: TestEngine;

  beforeAll(async () => {
    t = await startTestEngine();
    await t.client.createCollection('q', {
      vectors: { size: dim, distance: 'Dot' },
      optimizers_config: { indexing_threshold: 10 },
      quantization_config: { scalar: { type: 'int8', quantile: 0.99, always_ram: true } },
    });
    for (let start = 0; start < vectors.length; start += 500) {
      const ids = Array.from(
        { length: Math.min(500, vectors.length - start) },
        (_, i) => start + i + 1,
      );
      await t.client.upsert('q', {
        wait: true,
        batch: {
          ids,
          vectors: ids.map((id) => vectors[id - 1]),
          payloads: ids.map((id) => ({ id })),
        },
      });
    }
    await waitGreen(t, 'q');
  }, 90_000);
  afterAll(async () => {
    await t.stop();
  });

  it('reports the quantization config and returns original vectors', async () => {
    const info = await t.client.getCollection('q');
    expect(info.config.quantization_config).toEqual({
      scalar: { type: 'int8', quantile: 0.99, always_ram: true },
    });
    const [record] = await t.client.retrieve('q', { ids: [7], with_vector: true });
    (record.vector as number[]).forEach((x, i) => expect(x).toBeCloseTo(vectors[6][i], 5));
  });

  it('rescoring with originals gives exact scores; quantized-only ranking costs some recall', async () => {
    let rescoredHits = 0;
    let rawHits = 0;
    for (const vector of queries) {
      const truth = await t.client.search('q', {
        vector,
        limit: 10,
        params: { exact: true, quantization: { ignore: true } },
      });
      const truthIds = new Set(truth.map((h) => h.id));
      const rescored = await t.client.search('q', {
        vector,
        limit: 10,
        params: { exact: true, quantization: { rescore: true, oversampling: 2 } },
      });
      const raw = await t.client.search('q', {
        vector,
        limit: 10,
        params: { exact: true, quantization: { rescore: false } },
      });
      rescoredHits += rescored.filter((h) => truthIds.has(h.id)).length;
      rawHits += raw.filter((h) => truthIds.has(h.id)).length;
      const exactScore = new Map(truth.map((h) => [h.id, h.score]));
      for (const hit of rescored)
        if (exactScore.has(hit.id)) expect(hit.score).toBeCloseTo(exactScore.get(hit.id)!, 3);
    }
    expect(rescoredHits / 200).toBeGreaterThanOrEqual(0.95);
    expect(rawHits / 200).toBeGreaterThanOrEqual(0.7);
    expect(rescoredHits).toBeGreaterThanOrEqual(rawHits);
  });

  it('keeps a quantized point vector through a payload update and a restart', async () => {
    await t.client.setPayload('q', { wait: true, points: [7], payload: { touched: true } });
    const dataDir = t.dataDir;
    await t.stop(true);
    t = await startTestEngine(dataDir);
    const info = await t.client.getCollection('q');
    expect(info.indexed_vectors_count).toBeGreaterThanOrEqual(2999);
    const [record] = await t.client.retrieve('q', { ids: [7], with_vector: true });
    expect(record.payload).toEqual({ id: 7, touched: true });
    (record.vector as number[]).forEach((x, i) => expect(x).toBeCloseTo(vectors[6][i], 5));
    const hits = await t.client.search('q', {
      vector: vectors[6],
      limit: 1,
      params: { exact: true },
    });
    expect(hits).toHaveLength(1);
  }, 60_000);
});
