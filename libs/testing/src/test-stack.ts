import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ALL_APPS,
  AppStack,
  releasePort,
  reservePort,
  workspaceRoot,
  type AppName,
} from '@aip/platform';

export interface TestStackOptions {
  /** Defaults to the machine's NATS on 127.0.0.1:4222. */
  natsUrl?: string;
  redisUrl?: string;
  apps?: AppName[];
  env?: NodeJS.ProcessEnv;
}

export interface TestStack {
  stack: AppStack;
  /** The gateway's bootstrap admin key for this run. */
  adminKey: string;
  dataDir: string;
  gatewayUrl: string;
  stop(): Promise<void>;
}

/**
 * Boots the built apps as real processes on reserved ports with a fresh data folder, and waits
 * until every one is ready. Run `npm run build` first (`npm test` does).
 */
export async function startTestStack(options: TestStackOptions = {}): Promise<TestStack> {
  const apps = options.apps ?? ALL_APPS;
  const ports = {} as Record<AppName, number>;
  for (const app of ALL_APPS) ports[app] = await reservePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'aip-e2e-'));
  const adminKey = `e2e-admin-${randomBytes(16).toString('hex')}`;
  const stack = new AppStack({
    root: workspaceRoot(__dirname),
    apps,
    ports,
    logDir: join(dataDir, 'logs'),
    host: '127.0.0.1',
    env: {
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      // AIP_TEST_NATS_URL / AIP_TEST_REDIS_URL keep test runs that share a machine apart.
      NATS_URL: options.natsUrl ?? process.env['AIP_TEST_NATS_URL'] ?? 'nats://127.0.0.1:4222',
      REDIS_URL: options.redisUrl ?? process.env['AIP_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
      QDRANT_URL: `http://127.0.0.1:${ports['vector-engine']}`,
      LOG_LEVEL: 'info',
      GATEWAY_ADMIN_KEY: adminKey,
      // Converted word vectors are shared by test runs: converting takes seconds per boot.
      EMBEDDING_CACHE_DIR: join(tmpdir(), 'aip-embedding-cache'),
      ...options.env,
    },
  });
  const stop = async (graceMs: number): Promise<void> => {
    await stack.stopAll(graceMs);
    Object.values(ports).forEach(releasePort);
  };
  stack.startAll();
  try {
    await stack.waitAllReady(60_000);
  } catch (error) {
    await stop(2000);
    throw error;
  }
  return {
    stack,
    adminKey,
    dataDir,
    gatewayUrl: stack.url('gateway'),
    stop: () => stop(5000),
  };
}
