import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  appEntry,
  getJson,
  isPortOpen,
  ManagedProcess,
  releasePort,
  reservePort,
  waitFor,
} from '@aip/platform';

/** A nats-server of this test's own that admits one user. */
async function startNats(dir: string, port: number): Promise<ManagedProcess> {
  const server = new ManagedProcess({
    name: 'nats-server',
    command: 'nats-server',
    args: ['-a', '127.0.0.1', '-p', String(port), '--user', 'svc', '--pass', 'right-password'],
    logFile: join(dir, 'nats.log'),
  });
  server.start();
  await waitFor(async () => ((await isPortOpen('127.0.0.1', port)) ? true : undefined), {
    timeoutMs: 10_000,
    what: `nats-server on port ${port}`,
  });
  return server;
}

describe('an app against a NATS that requires a user and password (real nats-server, embedding app)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aip-nats-credentials-'));
  let natsPort: number;
  let nats: ManagedProcess;

  beforeAll(async () => {
    natsPort = await reservePort();
    nats = await startNats(dir, natsPort);
  }, 20_000);
  afterAll(async () => {
    await nats?.stop(5000);
    releasePort(natsPort);
  });

  const embedding = (port: number, password: string): ManagedProcess =>
    new ManagedProcess({
      name: 'embedding',
      command: process.execPath,
      args: [appEntry('embedding')],
      env: {
        HOST: '127.0.0.1',
        EMBEDDING_PORT: String(port),
        DATA_DIR: join(dir, `data-${password}`),
        NATS_URL: `nats://127.0.0.1:${natsPort}`,
        NATS_USER: 'svc',
        NATS_PASSWORD: password,
        REDIS_URL: process.env['AIP_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
        // Converted word vectors are shared by test runs: converting takes seconds per boot.
        EMBEDDING_CACHE_DIR: join(tmpdir(), 'aip-embedding-cache'),
        LOG_LEVEL: 'warn',
      },
      logFile: join(dir, `embedding-${password}.log`),
    });

  it('connects with the right credentials and reports NATS up', async () => {
    const port = await reservePort();
    const app = embedding(port, 'right-password');
    app.start();
    try {
      let exitCode: number | null | undefined;
      void app.waitExit().then((code) => (exitCode = code));
      const ready = await waitFor(
        async () => {
          if (exitCode !== undefined) return false;
          const { status, body } = await getJson(`http://127.0.0.1:${port}/health/ready`);
          return status === 200 ? body : undefined;
        },
        { timeoutMs: 60_000, what: 'embedding to be ready' },
      );
      expect(ready).toMatchObject({ ready: true, checks: { nats: { status: 'up' } } });
    } finally {
      await app.stop(5000);
      releasePort(port);
    }
  }, 90_000);

  it('stops at start with a clear authorization error when the password is wrong', async () => {
    const port = await reservePort();
    const app = embedding(port, 'wrong-password');
    app.start();
    try {
      expect(await app.waitExit()).toBe(1);
      expect(readFileSync(app.options.logFile, 'utf8')).toContain(
        'embedding failed to start: AuthorizationError: Authorization Violation',
      );
    } finally {
      releasePort(port);
    }
  }, 60_000);
});
