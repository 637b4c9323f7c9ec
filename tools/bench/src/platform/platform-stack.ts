import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { AppName } from '@aip/platform';
import type { BenchContext } from '../benches/context';
import { startTestStack, TestNatsServer, type TestStack } from '@aip/testing';

/** Limits high enough that the gateway's rate limiter never shapes a benchmark. */
const UNLIMITED = '10000000';

export interface BenchPlatform {
  stack: TestStack;
  /** Headers that authenticate as the stack's admin. */
  auth: Record<string, string>;
  natsUrl: string;
  redisUrl: string;
  stop(): Promise<void>;
}

/** Compiles every app and lib (`npm run build`), so the platform benchmarks run the current code. */
export function buildPlatform(context: BenchContext): void {
  if (!context.build) return;
  const { root, log } = context;
  log('building the platform (tsc -b tsconfig.build.json)');
  execFileSync(
    process.execPath,
    [
      join(root, 'node_modules', 'typescript', 'bin', 'tsc'),
      '-b',
      join(root, 'tsconfig.build.json'),
    ],
    { stdio: 'inherit' },
  );
}

/**
 * The built apps as real processes, on a nats-server of the benchmark's own (a running
 * `npm start` on the machine's NATS would otherwise share the work) and the machine's Redis.
 */
export async function startPlatform(
  apps: AppName[],
  env: NodeJS.ProcessEnv,
): Promise<BenchPlatform> {
  const nats = await TestNatsServer.start();
  let stack: TestStack;
  try {
    stack = await startTestStack({
      apps,
      natsUrl: nats.url,
      env: {
        LOG_LEVEL: 'warn',
        GATEWAY_RATE_LIMIT_RPM: UNLIMITED,
        GATEWAY_TENANT_RATE_LIMIT_RPM: UNLIMITED,
        ...env,
      },
    });
  } catch (error) {
    await nats.stop();
    throw error;
  }
  return {
    stack,
    auth: { authorization: `Bearer ${stack.adminKey}` },
    natsUrl: nats.url,
    redisUrl: process.env['AIP_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
    stop: async () => {
      await stack.stop();
      await nats.stop();
    },
  };
}
