import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QdrantClient } from '@qdrant/js-client-rest';
import type { FastifyInstance } from 'fastify';
import { createLogger } from '@aip/platform';
import { Engine } from '../engine/engine';
import type { ApiKeys } from '../server/api-key-auth';
import { buildServer } from '../server/http-server';

export interface TestEngine {
  url: string;
  client: QdrantClient;
  engine: Engine;
  dataDir: string;
  /** Stops the server and closes the engine; `keepData` leaves the folder for a restart. */
  stop(keepData?: boolean): Promise<void>;
}

/**
 * The real engine and HTTP server in this process, on a spare port, with its own data folder;
 * `client` carries the read-write key when `keys` has one.
 */
export async function startTestEngine(
  dataDir = mkdtempSync(join(tmpdir(), 'vector-engine-test-')),
  keys: ApiKeys = {},
): Promise<TestEngine> {
  const engine = new Engine(dataDir);
  const logger = createLogger({ service: 'vector-engine', version: 'test', level: 'silent' });
  const server: FastifyInstance = buildServer(
    engine,
    logger,
    { version: 'test', startedAt: Date.now() },
    keys,
  );
  await server.listen({ port: 0, host: '127.0.0.1' });
  const address = server.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    // As a header rather than `apiKey`, which warns about plain http on every construction.
    client: new QdrantClient({
      url,
      headers: keys.readWrite ? { 'api-key': keys.readWrite } : {},
      checkCompatibility: false,
    }),
    engine,
    dataDir,
    stop: async (keepData = false) => {
      await server.close();
      engine.close();
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
