import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QdrantClient } from '@qdrant/js-client-rest';
import {
  appEntry,
  getJson,
  ManagedProcess,
  releasePort,
  reservePort,
  waitFor,
} from '@aip/platform';
import { listenersOf } from './listening-sockets';

const READ_WRITE = `rw-${'a'.repeat(29)}`;
const READ_ONLY = `ro-${'b'.repeat(29)}`;

interface Engine {
  process: ManagedProcess;
  url: string;
  port: number;
  stop(): Promise<void>;
}

function engineProcess(port: number, env: NodeJS.ProcessEnv): ManagedProcess {
  const root = mkdtempSync(join(tmpdir(), 'aip-engine-auth-'));
  return new ManagedProcess({
    name: 'vector-engine',
    command: process.execPath,
    args: [appEntry('vector-engine'), '--port', String(port), '--data', join(root, 'data')],
    // Set explicitly, so keys in the runner's environment cannot leak in.
    env: {
      LOG_LEVEL: 'warn',
      VECTOR_ENGINE_API_KEY: '',
      VECTOR_ENGINE_READ_ONLY_API_KEY: '',
      ...env,
    },
    logFile: join(root, 'engine.log'),
  });
}

async function startEngine(env: NodeJS.ProcessEnv): Promise<Engine> {
  const port = await reservePort();
  const engine = engineProcess(port, env);
  engine.start();
  const url = `http://127.0.0.1:${port}`;
  let exitCode: number | null | undefined;
  void engine.waitExit().then((code) => (exitCode = code));
  // /readyz is open, as in Qdrant: it answers before any key is checked.
  const listening = await waitFor(
    async () =>
      exitCode === undefined ? (await getJson(`${url}/readyz`)).status === 200 || undefined : false,
    { timeoutMs: 20_000, what: 'vector-engine to listen' },
  );
  if (!listening) {
    releasePort(port);
    throw new Error(
      `vector-engine exited (${exitCode}): ${readFileSync(engine.options.logFile, 'utf8')}`,
    );
  }
  return {
    process: engine,
    url,
    port,
    stop: async () => {
      await engine.stop(5000);
      releasePort(port);
    },
  };
}

/** The official client, as the vector service builds it: `apiKey` over plain http. */
function client(url: string, apiKey?: string): QdrantClient {
  // Quiet the client's notice that the key travels over plain http (here: loopback).
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  try {
    return new QdrantClient({ url, apiKey, checkCompatibility: false });
  } finally {
    warn.mockRestore();
  }
}

const collection = { vectors: { size: 2, distance: 'Cosine' as const } };
const points = (id: number) => ({ wait: true, points: [{ id, vector: [1, id], payload: { id } }] });

describe('vector-engine process with API keys (Qdrant service.api_key / read_only_api_key)', () => {
  let engine: Engine;

  beforeAll(async () => {
    engine = await startEngine({
      HOST: '127.0.0.1',
      VECTOR_ENGINE_API_KEY: READ_WRITE,
      VECTOR_ENGINE_READ_ONLY_API_KEY: READ_ONLY,
    });
  }, 30_000);
  afterAll(() => engine?.stop());

  it('answers 401 without its key or with a wrong one', async () => {
    await expect(client(engine.url).getCollections()).rejects.toMatchObject({ status: 401 });
    await expect(client(engine.url, 'not-the-key').getCollections()).rejects.toMatchObject({
      status: 401,
    });
    const raw = await fetch(`${engine.url}/collections`);
    expect(raw.status).toBe(401);
    expect(await raw.json()).toMatchObject({
      status: { error: 'Must provide an API key or an Authorization bearer token' },
    });
  });

  it('lets the read-write key create, upsert and search', async () => {
    const writer = client(engine.url, READ_WRITE);
    await expect(writer.createCollection('docs', collection)).resolves.toBe(true);
    await expect(writer.upsert('docs', points(1))).resolves.toMatchObject({ status: 'completed' });
    await expect(writer.search('docs', { vector: [1, 1], limit: 5 })).resolves.toHaveLength(1);
  });

  it('lets the read-only key search and scroll, and answers 403 to its upsert and collection create', async () => {
    const reader = client(engine.url, READ_ONLY);
    await expect(reader.search('docs', { vector: [1, 1], limit: 5 })).resolves.toHaveLength(1);
    await expect(reader.scroll('docs', { limit: 5 })).resolves.toMatchObject({
      points: [{ id: 1 }],
    });
    await expect(reader.upsert('docs', points(2))).rejects.toMatchObject({ status: 403 });
    await expect(reader.createCollection('other', collection)).rejects.toMatchObject({
      status: 403,
    });
    const writer = client(engine.url, READ_WRITE);
    expect(await writer.count('docs')).toEqual({ count: 1 });
    expect(await writer.collectionExists('other')).toEqual({ exists: false });
  });
});

describe('vector-engine process on a non-loopback address', () => {
  it('refuses to start on 0.0.0.0 without an API key, naming the variables', async () => {
    const port = await reservePort();
    try {
      const engine = engineProcess(port, { HOST: '0.0.0.0' });
      engine.start();
      expect(await engine.waitExit()).toBe(1);
      const log = readFileSync(engine.options.logFile, 'utf8');
      expect(log).toContain('refuses to listen on HOST=0.0.0.0');
      expect(log).toContain('VECTOR_ENGINE_API_KEY');
      expect(log).toContain('VECTOR_ENGINE_READ_ONLY_API_KEY');
    } finally {
      releasePort(port);
    }
  }, 30_000);

  it('starts on 0.0.0.0 with a key, and then demands it', async () => {
    const engine = await startEngine({ HOST: '0.0.0.0', VECTOR_ENGINE_API_KEY: READ_WRITE });
    try {
      expect(listenersOf(engine.process.pid as number)).toContainEqual({
        address: '0.0.0.0',
        port: engine.port,
      });
      await expect(client(engine.url).getCollections()).rejects.toMatchObject({ status: 401 });
      await expect(client(engine.url, READ_WRITE).getCollections()).resolves.toEqual({
        collections: [],
      });
    } finally {
      await engine.stop();
    }
  }, 30_000);
});
