import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { QdrantClient } from '@qdrant/js-client-rest';
import { ErrorCode, PlatformError } from '@aip/contracts';
import { reservePort } from '@aip/platform';
import { installQdrantResilience, qdrantCall } from './qdrant-errors';
import { QdrantResilience, type QdrantResilienceSettings } from './qdrant-resilience';

/** A real HTTP server on a spare port standing in for the store's network behaviour. */
async function listen(handle: (path: string) => { status: number; body: unknown } | 'hang') {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const answer = handle(req.url ?? '');
    if (answer === 'hang') return;
    res.writeHead(answer.status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(answer.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { server, requests, url };
}

function settings(url: string, overrides: Partial<QdrantResilienceSettings> = {}) {
  return {
    url,
    timeoutMs: 300,
    retries: 2,
    breakerThreshold: 3,
    halfOpenAfterMs: 300,
    ...overrides,
  };
}

const ok = { status: 200, body: { status: 'ok', result: { collections: [] }, time: 0 } };

/** One call through qdrantCall, guarded by the given instance. */
function guarded<T>(
  resilience: QdrantResilience,
  call: () => Promise<T>,
  idempotent: boolean,
): Promise<T> {
  installQdrantResilience(resilience);
  return qdrantCall('test call', call, { idempotent });
}

async function failure(promise: Promise<unknown>): Promise<PlatformError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PlatformError);
  return error as PlatformError;
}

describe('QdrantResilience (real sockets: a closed port, a hung server, a failing server)', () => {
  const servers: Server[] = [];
  afterEach(() => servers.splice(0).forEach((server) => server.close()));

  it('answers VECTOR_STORE_UNAVAILABLE naming the URL at once when nothing listens', async () => {
    const url = `http://127.0.0.1:${await reservePort()}`;
    const resilience = new QdrantResilience(settings(url));
    const client = new QdrantClient({ url, checkCompatibility: false });
    const started = Date.now();
    const error = await failure(guarded(resilience, () => client.getCollections(), true));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(error.code).toBe(ErrorCode.VectorStoreUnavailable);
    expect(error.message).toContain(`the vector store at ${url} is unavailable`);
    expect(error.message).toContain('ECONNREFUSED');
    expect(error.details).toEqual({ retryAfterSeconds: expect.any(Number) });
  });

  it('retries an idempotent call after a 503, but never a non-idempotent one', async () => {
    let failures = 1;
    const store = await listen(() =>
      failures-- > 0 ? { status: 503, body: { status: { error: 'busy' } } } : ok,
    );
    servers.push(store.server);
    const client = new QdrantClient({ url: store.url, checkCompatibility: false });
    const retried = new QdrantResilience(settings(store.url));
    await expect(guarded(retried, () => client.getCollections(), true)).resolves.toEqual({
      collections: [],
    });
    expect(store.requests).toHaveLength(2);

    failures = 1;
    store.requests.length = 0;
    const error = await failure(guarded(retried, () => client.getCollections(), false));
    expect(error.code).toBe(ErrorCode.VectorStoreUnavailable);
    expect(error.message).toContain('HTTP 503');
    expect(store.requests).toHaveLength(1);
  });

  it('gives up on a hung store after the timeout, without retrying it', async () => {
    const store = await listen(() => 'hang');
    servers.push(store.server);
    const client = new QdrantClient({ url: store.url, checkCompatibility: false });
    const resilience = new QdrantResilience(settings(store.url, { timeoutMs: 200 }));
    const started = Date.now();
    const error = await failure(guarded(resilience, () => client.getCollections(), true));
    expect(Date.now() - started).toBeLessThan(600);
    expect(error.message).toContain('no answer within 200 ms');
    expect(store.requests).toHaveLength(1);
    store.server.closeAllConnections();
  });

  it('opens after consecutive failures (failing fast), probes after the pause and recovers', async () => {
    let down = true;
    const store = await listen(() =>
      down ? { status: 503, body: { status: { error: 'down' } } } : ok,
    );
    servers.push(store.server);
    const client = new QdrantClient({ url: store.url, checkCompatibility: false });
    const resilience = new QdrantResilience(settings(store.url, { retries: 0 }));
    for (let i = 0; i < 3; i++)
      await failure(guarded(resilience, () => client.getCollections(), true));
    expect(resilience.state).toBe('open');

    const reached = store.requests.length;
    const refused = await failure(guarded(resilience, () => client.getCollections(), true));
    expect(refused.code).toBe(ErrorCode.VectorStoreUnavailable);
    expect(refused.message).toContain('circuit breaker is open');
    expect(store.requests).toHaveLength(reached);

    down = false;
    await new Promise((resolve) => setTimeout(resolve, 350));
    await expect(guarded(resilience, () => client.getCollections(), true)).resolves.toBeDefined();
    expect(resilience.state).toBe('closed');
  });

  it('keeps 404/400/409 as client errors that never open the breaker', async () => {
    const statuses = [404, 400, 409];
    let next = 0;
    const store = await listen(() => ({
      status: statuses[next++ % 3],
      body: { status: { error: 'Collection nope not found' } },
    }));
    servers.push(store.server);
    const client = new QdrantClient({ url: store.url, checkCompatibility: false });
    const resilience = new QdrantResilience(settings(store.url, { breakerThreshold: 2 }));
    const codes: string[] = [];
    for (let i = 0; i < 6; i++)
      codes.push((await failure(guarded(resilience, () => client.getCollections(), true))).code);
    expect(codes).toEqual([
      ErrorCode.NotFound,
      ErrorCode.ValidationFailed,
      ErrorCode.Conflict,
      ErrorCode.NotFound,
      ErrorCode.ValidationFailed,
      ErrorCode.Conflict,
    ]);
    expect(resilience.state).toBe('closed');
    expect(store.requests).toHaveLength(6);
  });
});
