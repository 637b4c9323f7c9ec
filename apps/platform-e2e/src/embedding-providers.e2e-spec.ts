import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestStack, TestNatsServer, writeTinyLlama, type TestStack } from '@aip/testing';
import { httpJson } from './http';

interface Embedded {
  model: string;
  dimension: number;
  embeddings: number[][];
  cached: number;
}

interface ModelInfo {
  name: string;
  provider: string;
  dimension: number;
  ready: boolean;
}

/** Texts per request the remote model sends; the tests embed more to see the split. */
const REMOTE_MAX_BATCH = 8;

/** One sample of a counter from a Prometheus text page, 0 when absent. */
function sample(page: string, name: string, labels: string): number {
  const line = page.split('\n').find((l) => l.startsWith(`${name}{`) && l.includes(labels));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}

/**
 * Two platforms on two message buses: `server` with the offline default model only, and
 * `client`, whose models are the same offline default, a `remote` openai-compatible model
 * served by `server`'s gateway `/v1/embeddings`, and a `tiny` llama-cpp model on a GGUF the
 * test writes.
 */
describe('embedding providers: openai-compatible against a real gateway, llama-cpp on a tiny GGUF (processes, real NATS and Redis)', () => {
  let server: TestStack;
  let client: TestStack;
  let clientBus: TestNatsServer;
  const modelDir = mkdtempSync(join(tmpdir(), 'aip-tiny-gguf-'));

  const call = <T>(stack: TestStack, method: string, path: string, body?: unknown) =>
    httpJson<T>(`${stack.gatewayUrl}${path}`, {
      method,
      headers: { Authorization: `Bearer ${stack.adminKey}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const embed = (stack: TestStack, texts: string[], model?: string) =>
    call<Embedded>(stack, 'POST', '/api/v1/embed', { texts, model });
  const embeddingMetrics = async (stack: TestStack) =>
    (await httpJson<string>(`${stack.stack.url('embedding')}/metrics`)).body;

  beforeAll(async () => {
    writeTinyLlama(join(modelDir, 'tiny.gguf'));
    server = await startTestStack({
      apps: ['embedding', 'gateway'],
      env: { GATEWAY_REQUIRED_SERVICES: 'embedding' },
    });
    // A bus of its own, so that the client's embedding service does not answer the server's.
    clientBus = await TestNatsServer.start();
    client = await startTestStack({
      natsUrl: clientBus.url,
      apps: ['embedding', 'gateway'],
      env: {
        GATEWAY_REQUIRED_SERVICES: 'embedding',
        // No cache: every request reaches the providers.
        EMBEDDING_CACHE_TTL_SECONDS: '0',
        EMBEDDING_MODELS: JSON.stringify({
          default: { provider: 'glove-sif' },
          remote: {
            provider: 'openai-compatible',
            baseUrl: `${server.gatewayUrl}/v1`,
            model: 'default',
            apiKey: server.adminKey,
            maxBatch: REMOTE_MAX_BATCH,
            timeoutMs: 10_000,
          },
          tiny: { provider: 'llama-cpp', model: 'tiny.gguf', modelsDir: modelDir, threads: 1 },
        }),
      },
    });
  }, 180_000);

  afterAll(async () => {
    await client?.stop();
    await clientBus?.stop();
    await server?.stop();
    rmSync(modelDir, { recursive: true, force: true });
  });

  it('lists the three models of the client with their dimensions', async () => {
    const { status, body } = await call<{ models: ModelInfo[] }>(
      client,
      'GET',
      '/api/v1/embeddings/models',
    );
    expect(status).toBe(200);
    expect(body.models.map((m) => [m.name, m.provider, m.dimension, m.ready])).toEqual([
      ['default', 'glove-sif', 100, true],
      ['remote', 'openai-compatible', 100, true],
      ['tiny', 'llama-cpp', 64, true],
    ]);
  });

  it('gets from the remote server exactly the vectors the same model gives locally', async () => {
    const texts = ['modern kitchen with oak finishes', 'the central bank raised rates', 'ok'];
    const local = await embed(client, texts, 'default');
    const remote = await embed(client, texts, 'remote');
    expect(remote.status).toBe(200);
    expect(remote.body).toMatchObject({ model: 'remote', dimension: 100 });
    expect(remote.body.embeddings).toEqual(local.body.embeddings);
  });

  it(`splits a batch into requests of at most ${REMOTE_MAX_BATCH} texts`, async () => {
    const requests = async () =>
      sample(
        await embeddingMetrics(server),
        'aip_requests_total',
        'route="embedding.embed.v1",outcome="success"',
      );
    const before = await requests();
    const texts = Array.from({ length: 20 }, (_, i) => `split test ${Date.now()} number ${i}`);
    const remote = await embed(client, texts, 'remote');
    expect(remote.status).toBe(200);
    expect(remote.body.embeddings).toHaveLength(20);
    expect(remote.body.embeddings).toEqual((await embed(client, texts, 'default')).body.embeddings);
    expect((await requests()) - before).toBe(Math.ceil(20 / REMOTE_MAX_BATCH));
  });

  it('embeds with the llama-cpp model: unit vectors, deterministic, a batch equal to one by one', async () => {
    const texts = [
      'hello world',
      'a modern kitchen with oak',
      'the dog in the park',
      'hello world',
    ];
    const batch = await embed(client, texts, 'tiny');
    expect(batch.status).toBe(200);
    expect(batch.body).toMatchObject({ model: 'tiny', dimension: 64, cached: 0 });
    for (const vector of batch.body.embeddings) {
      expect(vector).toHaveLength(64);
      expect(Math.hypot(...vector)).toBeCloseTo(1, 5);
    }
    expect(batch.body.embeddings[3]).toEqual(batch.body.embeddings[0]);
    expect(batch.body.embeddings[1]).not.toEqual(batch.body.embeddings[0]);
    const oneByOne = await Promise.all(
      texts.map(async (text) => (await embed(client, [text], 'tiny')).body.embeddings[0]),
    );
    expect(oneByOne).toEqual(batch.body.embeddings);
  });

  it('counts cache hits and misses per model in /metrics', async () => {
    const texts = [`cache probe ${Date.now()}`, `another cache probe ${Date.now()}`];
    const count = async (name: string) =>
      sample(await embeddingMetrics(server), name, 'model="default"');
    const [hits, misses] = [
      await count('aip_embedding_cache_hits_total'),
      await count('aip_embedding_cache_misses_total'),
    ];
    expect((await embed(server, texts)).body.cached).toBe(0);
    expect((await embed(server, texts)).body.cached).toBe(2);
    expect((await count('aip_embedding_cache_misses_total')) - misses).toBe(2);
    expect((await count('aip_embedding_cache_hits_total')) - hits).toBe(2);
  });
});
