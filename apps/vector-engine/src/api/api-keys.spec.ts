import { readFileSync } from 'node:fs';
import { QdrantClient } from '@qdrant/js-client-rest';
import { hasQdrantSpec, qdrantSpecFile } from '../testing/openapi-validator';
import { startTestEngine, type TestEngine } from '../testing/start-test-engine';

const READ_WRITE = 'rw-key-0123456789abcdef';
const READ_ONLY = 'ro-key-0123456789abcdef';

async function call(
  t: TestEngine,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${t.url}${path}`, {
    method,
    headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text.startsWith('{') ? JSON.parse(text) : text };
}

const qdrantError = (message: string) => ({
  status: { error: message },
  time: expect.any(Number) as number,
});

describe('vector-engine API keys (Qdrant service.api_key and read_only_api_key)', () => {
  let t: TestEngine;
  const readOnly = { 'api-key': READ_ONLY };

  beforeAll(async () => {
    t = await startTestEngine(undefined, { readWrite: READ_WRITE, readOnly: READ_ONLY });
    await t.client.createCollection('docs', { vectors: { size: 2, distance: 'Cosine' } });
    await t.client.upsert('docs', {
      wait: true,
      points: [{ id: 1, vector: [1, 0], payload: { city: 'Berlin' } }],
    });
  });
  afterAll(() => t.stop());

  it('answers 401 in Qdrant error shape without a key or with an unknown one', async () => {
    expect(await call(t, 'GET', '/collections')).toEqual({
      status: 401,
      body: qdrantError('Must provide an API key or an Authorization bearer token'),
    });
    expect(await call(t, 'GET', '/collections', { 'api-key': 'guess' })).toEqual({
      status: 401,
      body: qdrantError('Invalid API key'),
    });
    expect((await call(t, 'GET', '/metrics')).status).toBe(401);
    expect((await call(t, 'GET', '/no-such-route')).status).toBe(401);
  });

  it('leaves the probes open, as Qdrant does', async () => {
    for (const path of ['/', '/healthz', '/livez', '/readyz', '/health/live', '/health/ready'])
      expect({ path, status: (await call(t, 'GET', path)).status }).toEqual({ path, status: 200 });
  });

  it('accepts the key as `api-key` or as an Authorization bearer token', async () => {
    expect((await call(t, 'GET', '/collections', { 'api-key': READ_WRITE })).status).toBe(200);
    const bearer = { authorization: `Bearer ${READ_WRITE}` };
    expect((await call(t, 'GET', '/collections', bearer)).status).toBe(200);
    expect((await call(t, 'GET', '/collections', { authorization: READ_WRITE })).status).toBe(401);
  });

  it('lets a read-only key read and search, and refuses its writes with 403', async () => {
    const reads: [string, string, unknown?][] = [
      ['GET', '/collections/docs'],
      ['POST', '/collections/docs/points/search', { vector: [1, 0], limit: 1 }],
      ['POST', '/collections/docs/points/query', { query: [1, 0], limit: 1 }],
      ['POST', '/collections/docs/points/scroll', { limit: 1 }],
      ['POST', '/collections/docs/points/count', {}],
      ['POST', '/collections/docs/points', { ids: [1] }],
      ['GET', '/metrics'],
    ];
    for (const [method, path, body] of reads)
      expect({ path, status: (await call(t, method, path, readOnly, body)).status }).toEqual({
        path,
        status: 200,
      });

    const upsert = { points: [{ id: 2, vector: [0, 1] }] };
    expect(await call(t, 'PUT', '/collections/docs/points?wait=true', readOnly, upsert)).toEqual({
      status: 403,
      body: qdrantError('Write access denied'),
    });
    const create = { vectors: { size: 2, distance: 'Dot' } };
    expect((await call(t, 'PUT', '/collections/other', readOnly, create)).status).toBe(403);
    expect(await t.client.count('docs')).toEqual({ count: 1 });
    expect(await t.client.collectionExists('other')).toEqual({ exists: false });
  });

  it("works through the official client's `apiKey` over plain http, which only warns", async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    const client = new QdrantClient({ url: t.url, apiKey: READ_ONLY, checkCompatibility: false });
    expect(warn).toHaveBeenCalledWith('Api key is used with unsecure connection.');
    warn.mockRestore();
    await expect(client.search('docs', { vector: [1, 0], limit: 1 })).resolves.toHaveLength(1);
    await expect(
      client.upsert('docs', { wait: true, points: [{ id: 3, vector: [0, 1] }] }),
    ).rejects.toMatchObject({ status: 403 });
  });

  const versions = ['1.18.3', '1.19.0'].filter(hasQdrantSpec);
  (versions.length > 0 ? it.each(versions) : it.skip.each(['(spec files absent)']))(
    "refuses a read-only key exactly the operations of Qdrant %s's spec that write",
    async (version) => {
      const spec = JSON.parse(readFileSync(qdrantSpecFile(version), 'utf8')) as {
        paths: Record<string, Record<string, { operationId: string }>>;
      };
      // Qdrant names its operations by what they do: these verbs change state.
      const writes =
        /^((create|delete|update|upsert|overwrite|set|clear|recover|remove)_|batch_update$)/;
      const answers: { operation: string; refused: boolean; writes: boolean }[] = [];
      for (const [template, operations] of Object.entries(spec.paths)) {
        const path = template.replace(/\{[^}]+\}/g, (param) =>
          param === '{collection_name}' ? 'docs' : '0',
        );
        for (const [method, { operationId }] of Object.entries(operations)) {
          const body = method === 'get' || method === 'delete' ? undefined : {};
          const { status } = await call(t, method.toUpperCase(), path, readOnly, body);
          answers.push({
            operation: operationId,
            refused: status === 403,
            writes: writes.test(operationId),
          });
        }
      }
      expect(answers.length).toBeGreaterThan(60);
      expect(answers.filter((a) => a.refused !== a.writes)).toEqual([]);
    },
  );
});
