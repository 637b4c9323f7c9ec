import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appEntry, getJson, ManagedProcess, reservePort, waitFor } from '@aip/platform';
import { issueApiKey } from '@aip/rbac';
import { fixed, int, ms } from '../report/format';
import { percentile } from '../measure/stats';
import type { Bench, BenchContext, BenchOutput } from './context';

const WARMUP = 300;
const ROUNDS = 10;
const PER_ROUND = 300;

interface Gateway {
  url: string;
  process: ManagedProcess;
}

async function startGateway(
  root: string,
  dir: string,
  name: string,
  env: NodeJS.ProcessEnv,
): Promise<Gateway> {
  const port = await reservePort();
  const gateway = new ManagedProcess({
    name,
    command: process.execPath,
    args: [appEntry('gateway', root)],
    env: {
      HOST: '127.0.0.1',
      GATEWAY_PORT: String(port),
      LOG_LEVEL: 'warn',
      DATA_DIR: dir,
      ...env,
    },
    logFile: join(dir, `${name}.log`),
  });
  gateway.start();
  const url = `http://127.0.0.1:${port}`;
  await waitFor(
    async () => ((await getJson(`${url}/health/live`)).status === 200 ? true : undefined),
    {
      timeoutMs: 30_000,
      what: name,
    },
  );
  return { url, process: gateway };
}

async function timeRequests(
  url: string,
  headers: Record<string, string>,
  count: number,
  into: number[],
): Promise<void> {
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const response = await fetch(url, { headers });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
    into.push(performance.now() - started);
  }
}

/**
 * What authentication, authorization and rate limiting cost on a cheap route: the same route
 * on two gateway processes of the same build, one enforcing auth (API key from a keys file,
 * permission check, Redis token bucket, usage accounting) and one with auth disabled, timed
 * in interleaved rounds so machine noise hits both alike.
 */
export const gatewayAuth: Bench = {
  name: 'gateway-auth',
  description: 'auth + RBAC + rate limiting overhead on a cheap gateway route (p50, p99)',
  async run(context: BenchContext): Promise<BenchOutput> {
    context.log('building the gateway (tsc -b apps/gateway)');
    execFileSync(
      process.execPath,
      [
        join(context.root, 'node_modules', 'typescript', 'bin', 'tsc'),
        '-b',
        join(context.root, 'apps', 'gateway'),
      ],
      {
        stdio: 'inherit',
      },
    );
    const dir = mkdtempSync(join(tmpdir(), 'bench-gateway-'));
    const key = issueApiKey();
    writeFileSync(
      join(dir, 'keys.yaml'),
      `keys:\n  - { id: bench-${randomBytes(4).toString('hex')}, key: "${key.key}", role: reader, rate_limit: { requests_per_minute: 10000000 } }\n`,
    );
    const enforced = await startGateway(context.root, dir, 'gateway-auth', {
      GATEWAY_KEYS_FILE: join(dir, 'keys.yaml'),
    });
    const open = await startGateway(context.root, dir, 'gateway-no-auth', {
      GATEWAY_AUTH_MODE: 'disabled',
    });
    try {
      const route = '/api/v1/auth/whoami';
      const withAuth: number[] = [];
      const withoutAuth: number[] = [];
      await timeRequests(`${enforced.url}${route}`, { 'X-API-Key': key.key }, WARMUP, []);
      await timeRequests(`${open.url}${route}`, {}, WARMUP, []);
      for (let round = 0; round < ROUNDS; round++) {
        context.log(`round ${round + 1}/${ROUNDS}`);
        await timeRequests(
          `${enforced.url}${route}`,
          { 'X-API-Key': key.key },
          PER_ROUND,
          withAuth,
        );
        await timeRequests(`${open.url}${route}`, {}, PER_ROUND, withoutAuth);
      }
      const p50 = (samples: number[]) => percentile(samples, 50);
      const p99 = (samples: number[]) => percentile(samples, 99);
      const overhead = p50(withAuth) - p50(withoutAuth);
      return {
        tables: [
          {
            title: `Gateway: GET ${route}, single client, ${int(ROUNDS * PER_ROUND)} requests each`,
            headers: ['gateway', 'p50', 'p99'],
            rows: [
              ['auth disabled (baseline)', ms(p50(withoutAuth)), ms(p99(withoutAuth))],
              ['API key + RBAC + Redis rate limit + usage', ms(p50(withAuth)), ms(p99(withAuth))],
              ['overhead (p50 difference)', `${fixed(overhead, 3)} ms`, ''],
            ],
            notes: ['Target: auth, authorization and rate limiting add at most 0.3 ms at p50.'],
          },
        ],
        json: {
          p50WithAuthMs: p50(withAuth),
          p50WithoutAuthMs: p50(withoutAuth),
          p50OverheadMs: overhead,
          p99WithAuthMs: p99(withAuth),
        },
      };
    } finally {
      await Promise.all([enforced.process.stop(), open.process.stop()]);
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
