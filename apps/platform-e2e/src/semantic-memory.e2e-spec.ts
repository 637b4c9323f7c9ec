import { startTestStack, type TestStack } from '@aip/testing';
import { httpJson, type ErrorBodyShape } from './http';

interface Hit {
  id: string | number;
  score: number;
  payload: Record<string, unknown>;
}

describe('semantic memory through the gateway: embeddings and collections (processes, real NATS and Redis)', () => {
  let platform: TestStack;
  const call = <T>(method: string, path: string, body?: unknown) =>
    httpJson<T>(`${platform.gatewayUrl}${path}`, {
      method,
      headers: { Authorization: `Bearer ${platform.adminKey}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  beforeAll(async () => {
    platform = await startTestStack({
      apps: ['vector-engine', 'embedding', 'vector', 'gateway'],
      env: { GATEWAY_REQUIRED_SERVICES: 'embedding,vector' },
    });
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  });

  it('lists the offline default model with its dimension', async () => {
    const { status, body } = await call<{
      models: { name: string; dimension: number; ready: boolean; default: boolean }[];
    }>('GET', '/api/v1/embeddings/models');
    expect(status).toBe(200);
    expect(body.models).toContainEqual(
      expect.objectContaining({ name: 'default', dimension: 100, ready: true, default: true }),
    );
  });

  it('embeds texts into unit vectors, serving repeats from the cache', async () => {
    const texts = [`a dog runs in the park ${Date.now()}`, 'stock prices fell sharply'];
    const first = await call<{ dimension: number; embeddings: number[][]; cached: number }>(
      'POST',
      '/api/v1/embed',
      { texts },
    );
    expect(first.status).toBe(200);
    expect(first.body.embeddings).toHaveLength(2);
    for (const vector of first.body.embeddings) {
      expect(vector).toHaveLength(100);
      expect(Math.hypot(...vector)).toBeCloseTo(1, 4);
    }
    const second = await call<{ embeddings: number[][]; cached: number }>('POST', '/api/v1/embed', {
      texts,
    });
    expect(second.body.cached).toBe(2);
    expect(second.body.embeddings).toEqual(first.body.embeddings);
  });

  it('answers the OpenAI embeddings shape', async () => {
    const { status, body } = await call<{
      object: string;
      data: { object: string; index: number; embedding: number[] }[];
      model: string;
      usage: { prompt_tokens: number };
    }>('POST', '/v1/embeddings', { input: ['hello world', 'good morning'], model: 'default' });
    expect(status).toBe(200);
    expect(body.object).toBe('list');
    expect(body.data.map((d) => [d.object, d.index, d.embedding.length])).toEqual([
      ['embedding', 0, 100],
      ['embedding', 1, 100],
    ]);
    expect(body.usage.prompt_tokens).toBe(4);
  });

  it('rejects requests over the limits with 400 naming the limit', async () => {
    const tooMany = await call<ErrorBodyShape>('POST', '/api/v1/embed', {
      texts: Array.from({ length: 257 }, () => 'x'),
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toContain('at most 256 texts');
    const tooLong = await call<ErrorBodyShape>('POST', '/api/v1/embed', {
      texts: ['y'.repeat(16_385)],
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.message).toContain('16384 characters');
    const unknown = await call<ErrorBodyShape>('POST', '/api/v1/embed', {
      texts: ['z'],
      model: 'nope',
    });
    expect(unknown.status).toBe(404);
  });

  it('stores texts in a model collection (auto-embedding) and finds the nearest by meaning', async () => {
    const name = `memory_${Date.now()}`;
    const created = await call<{ size: number; model: string }>('POST', '/api/v1/collections', {
      name,
      model: 'default',
      payload_schema: { topic: 'keyword' },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ size: 100, model: 'default' });
    const upserted = await call<{ ids: string[]; embedded: number }>(
      'POST',
      '/api/v1/vectors/batch',
      {
        collection: name,
        points: [
          { text: 'The cat sat on the mat and purred.', payload: { topic: 'pets' } },
          {
            text: 'Interest rates were raised by the central bank.',
            payload: { topic: 'finance' },
          },
          { text: 'A puppy chased a ball across the garden.', payload: { topic: 'pets' } },
        ],
      },
    );
    expect(upserted.status).toBe(201);
    expect(upserted.body.embedded).toBe(3);
    const hits = await call<{ points: Hit[] }>('POST', '/api/v1/vectors/search', {
      collection: name,
      text: 'the bank changed its interest rate',
      top_k: 3,
    });
    expect(hits.status).toBe(200);
    expect(hits.body.points[0].payload).toMatchObject({
      topic: 'finance',
      embedding_model: 'default',
    });
    const filtered = await call<{ points: Hit[] }>('POST', '/api/v1/vectors/search', {
      collection: name,
      text: 'a dog playing',
      top_k: 3,
      filter: { must: [{ key: 'topic', match: { value: 'pets' } }] },
    });
    expect(filtered.body.points.map((p) => p.payload['topic'])).toEqual(['pets', 'pets']);
    const wrongSize = await call<ErrorBodyShape>('POST', '/api/v1/vectors/insert', {
      collection: name,
      vector: [1, 2, 3],
    });
    expect(wrongSize.status).toBe(400);
    expect(wrongSize.body.error.message).toContain('takes 100');
    const details = await call<{ points_count: number }>('GET', `/api/v1/collections/${name}`);
    expect(details.body.points_count).toBe(3);
    expect((await call('DELETE', `/api/v1/collections/${name}`)).status).toBe(204);
  });
});
