import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ALL_APPS,
  APP_PORT_VARIABLES,
  ManagedProcess,
  releasePort,
  reservePort,
  waitFor,
  workspaceRoot,
  type AppName,
} from '@aip/platform';
import { TestNatsServer } from '@aip/testing';
import { httpJson } from './http';
import { childrenOf, isLoopbackAddress, listenersOf, type Listener } from './listening-sockets';

describe('npm start (the real launcher, tools/launcher/dist/main.js): what listens where', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'aip-launcher-'));
  const adminKey = `e2e-admin-${randomBytes(16).toString('hex')}`;
  const ports = {} as Record<AppName, number>;
  let nats: TestNatsServer;
  let launcher: ManagedProcess;
  const listeners = {} as Record<AppName, Listener[]>;

  beforeAll(async () => {
    // A NATS of its own: the launcher's services must not join the queue groups of other runs.
    nats = await TestNatsServer.start();
    for (const app of ALL_APPS) ports[app] = await reservePort();
    launcher = new ManagedProcess({
      name: 'launcher',
      command: process.execPath,
      args: [join(workspaceRoot(__dirname), 'tools', 'launcher', 'dist', 'main.js')],
      env: {
        ...Object.fromEntries(ALL_APPS.map((app) => [APP_PORT_VARIABLES[app], String(ports[app])])),
        DATA_DIR: dataDir,
        NATS_URL: nats.url,
        REDIS_URL: process.env['AIP_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379',
        GATEWAY_ADMIN_KEY: adminKey,
        EMBEDDING_CACHE_DIR: join(tmpdir(), 'aip-embedding-cache'),
        // As in a plain shell: none of these set, so the launcher's own choices apply.
        HOST: '',
        QDRANT_URL: '',
        QDRANT_API_KEY: '',
        VECTOR_ENGINE_API_KEY: '',
      },
      logFile: join(dataDir, 'launcher.log'),
    });
    launcher.start();
    let exitCode: number | null | undefined;
    void launcher.waitExit().then((code) => (exitCode = code));
    const ready = await waitFor(
      async () =>
        exitCode === undefined
          ? readFileSync(launcher.options.logFile, 'utf8').includes('Platform ready.') || undefined
          : false,
      { timeoutMs: 150_000, intervalMs: 500, what: 'the launcher to print "Platform ready."' },
    );
    if (!ready)
      throw new Error(
        `the launcher exited (${exitCode}): ${readFileSync(launcher.options.logFile, 'utf8')}`,
      );
    const children = childrenOf(launcher.pid as number);
    for (const app of ALL_APPS) {
      const child = children.find((c) =>
        c.cmdline.some((arg) => arg.endsWith(`apps/${app}/dist/main.js`)),
      );
      if (!child) throw new Error(`no ${app} process among the launcher's children`);
      listeners[app] = listenersOf(child.pid);
    }
  }, 180_000);

  afterAll(async () => {
    await launcher?.stop(30_000);
    Object.values(ports).forEach(releasePort);
    await nats?.stop();
  }, 60_000);

  it('binds the gateway to every interface, as the public edge', () => {
    expect(listeners.gateway).toContainEqual({ address: '0.0.0.0', port: ports.gateway });
  });

  it.each(ALL_APPS.filter((app) => app !== 'gateway'))('binds %s to loopback only', (app) => {
    expect(listeners[app]).toContainEqual({ address: '127.0.0.1', port: ports[app] });
    expect(listeners[app].filter((l) => !isLoopbackAddress(l.address))).toEqual([]);
  });

  it('gives vector-engine a key kept (mode 600) in the data folder, and the vector service uses it', async () => {
    const file = join(dataDir, 'dev-vector-engine-key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const key = readFileSync(file, 'utf8').trim();
    const engine = `http://127.0.0.1:${ports['vector-engine']}/collections`;
    expect((await httpJson(engine)).status).toBe(401);
    expect((await httpJson(engine, { headers: { 'api-key': key } })).status).toBe(200);
    // Listing collections through the gateway reaches the engine through the vector service.
    const listed = await httpJson(`http://127.0.0.1:${ports.gateway}/api/v1/collections`, {
      headers: { Authorization: `Bearer ${adminKey}` },
    });
    expect(listed).toMatchObject({ status: 200, body: { collections: [] } });
  });
});
