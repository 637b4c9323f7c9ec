import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appEntry, getJson, isPortOpen, ManagedProcess, reservePort, waitFor } from '@aip/platform';
import { issueApiKey } from '@aip/rbac';
import { httpJson } from './http';

const dir = mkdtempSync(join(tmpdir(), 'aip-ratelimit-'));

async function startRedis(port: number): Promise<ManagedProcess> {
  const redis = new ManagedProcess({
    name: 'redis-server',
    command: 'redis-server',
    args: ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    logFile: join(dir, `redis-${port}.log`),
  });
  redis.start();
  await waitFor(async () => ((await isPortOpen('127.0.0.1', port)) ? true : undefined), {
    timeoutMs: 10_000,
    what: 'redis',
  });
  return redis;
}

async function startGateway(
  name: string,
  env: NodeJS.ProcessEnv,
): Promise<{ url: string; process: ManagedProcess }> {
  const port = await reservePort();
  const gateway = new ManagedProcess({
    name,
    command: process.execPath,
    args: [appEntry('gateway')],
    env: {
      HOST: '127.0.0.1',
      GATEWAY_PORT: String(port),
      DATA_DIR: dir,
      // Each test run on the machine may have a NATS of its own.
      NATS_URL: process.env['AIP_TEST_NATS_URL'],
      ...env,
    },
    logFile: join(dir, `${name}.log`),
  });
  gateway.start();
  const url = `http://127.0.0.1:${port}`;
  await waitFor(
    async () => ((await getJson(`${url}/health/live`)).status === 200 ? true : undefined),
    { timeoutMs: 30_000, what: name },
  );
  return { url, process: gateway };
}

describe('gateway rate limits: shared by replicas through Redis, with a policy for Redis outages', () => {
  const key = issueApiKey();
  const keysFile = join(dir, 'keys.yaml');
  const processes: ManagedProcess[] = [];

  beforeAll(() => {
    writeFileSync(
      keysFile,
      `keys:\n  - { id: limited-${Date.now()}, key: "${key.key}", role: reader, rate_limit: { requests_per_minute: 10 } }\n`,
    );
  });

  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop(5000)));
  });

  it('two gateway processes against one Redis enforce one limit of 10 requests per minute', async () => {
    const redisPort = await reservePort();
    processes.push(await startRedis(redisPort));
    const env = { REDIS_URL: `redis://127.0.0.1:${redisPort}`, GATEWAY_KEYS_FILE: keysFile };
    const a = await startGateway('gateway-a', env);
    const b = await startGateway('gateway-b', env);
    processes.push(a.process, b.process);

    const statuses: Record<string, number[]> = { a: [], b: [] };
    for (let i = 0; i < 8; i++) {
      for (const [name, gateway] of [
        ['a', a],
        ['b', b],
      ] as const) {
        const response = await httpJson(`${gateway.url}/api/v1/auth/whoami`, {
          headers: { 'X-API-Key': key.key },
        });
        statuses[name].push(response.status);
        if (response.status === 429) {
          expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
          expect(response.headers.get('x-ratelimit-limit')).toBe('10');
          expect(response.headers.get('x-ratelimit-remaining')).toBe('0');
        }
      }
    }
    const all = [...statuses.a, ...statuses.b];
    expect(all.filter((s) => s === 200)).toHaveLength(10);
    expect(all.filter((s) => s === 429)).toHaveLength(6);
    expect(statuses.a).toContain(429);
    expect(statuses.b).toContain(429);
  }, 60_000);

  it('fails open (default) or closed when Redis is unreachable, and says so in /health/ready', async () => {
    const redisPort = await reservePort();
    const redis = await startRedis(redisPort);
    processes.push(redis);
    const env = { REDIS_URL: `redis://127.0.0.1:${redisPort}`, GATEWAY_KEYS_FILE: keysFile };
    const open = await startGateway('gateway-open', env);
    const closed = await startGateway('gateway-closed', {
      ...env,
      GATEWAY_RATE_LIMIT_ON_REDIS_DOWN: 'closed',
    });
    processes.push(open.process, closed.process);
    await redis.stop();

    const viaOpen = await httpJson(`${open.url}/api/v1/auth/whoami`, {
      headers: { 'X-API-Key': key.key },
    });
    expect(viaOpen.status).toBe(200);
    const openReady = await httpJson<{
      ready: boolean;
      checks: Record<string, { status: string }>;
    }>(`${open.url}/health/ready`);
    expect(openReady.status).toBe(200);
    expect(openReady.body.checks['rate_limiter'].status).toBe('degraded');

    const viaClosed = await httpJson(`${closed.url}/api/v1/auth/whoami`, {
      headers: { 'X-API-Key': key.key },
    });
    expect(viaClosed.status).toBe(429);
    const closedReady = await httpJson<{
      error: { details: { checks: Record<string, { status: string }> } };
    }>(`${closed.url}/health/ready`);
    expect(closedReady.status).toBe(503);
    expect(closedReady.body.error.details.checks['rate_limiter'].status).toBe('down');
  }, 60_000);
});
