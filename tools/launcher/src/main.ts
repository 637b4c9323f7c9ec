import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  ALL_APPS,
  APP_PORT_VARIABLES,
  AppStack,
  workspaceRoot,
  type AppName,
  type ManagedProcess,
} from '@aip/platform';
import { devAdminKey, devEngineKeyEnv } from './dev-keys';
import { ensureRunning, NATS, REDIS } from './infrastructure';

const DEFAULT_PORTS: Record<AppName, number> = {
  'vector-engine': 6333,
  inference: 8001,
  embedding: 8002,
  vector: 8003,
  'sync-worker': 8004,
  gateway: 8000,
};

function portOf(app: AppName): number {
  const value = process.env[APP_PORT_VARIABLES[app]];
  return value === undefined || value === '' ? DEFAULT_PORTS[app] : Number(value);
}

/** `npm start`: NATS and Redis (started if needed), then every app, then the gateway URL. */
async function main(): Promise<void> {
  const root = workspaceRoot(__dirname);
  const dataDir = resolve(process.env['DATA_DIR'] ?? join(root, 'data'));
  const logDir = join(dataDir, 'logs');
  mkdirSync(logDir, { recursive: true });

  const servers: ManagedProcess[] = [];
  for (const dependency of [NATS, REDIS]) {
    const started = await ensureRunning(dependency, dataDir, logDir);
    if (started) servers.push(started);
    console.log(`${dependency.name}: ${dependency.url}${started ? ' (started)' : ''}`);
  }

  const adminKey = devAdminKey(dataDir);
  const ports = Object.fromEntries(ALL_APPS.map((app) => [app, portOf(app)])) as Record<
    AppName,
    number
  >;
  const externalQdrant = process.env['QDRANT_URL'] || undefined;
  const apps = externalQdrant ? ALL_APPS.filter((app) => app !== 'vector-engine') : ALL_APPS;
  const engineKeys = externalQdrant ? {} : devEngineKeyEnv(dataDir);
  const shared = {
    DATA_DIR: dataDir,
    NATS_URL: NATS.url,
    REDIS_URL: REDIS.url,
    QDRANT_URL: externalQdrant ?? `http://127.0.0.1:${ports['vector-engine']}`,
    GATEWAY_ADMIN_KEY: adminKey,
  };
  // Services talk over NATS, so their HTTP ports (health, metrics, the engine's API) stay on
  // loopback whatever HOST says. The gateway is the public edge that `npm start` users expect
  // to reach, from this machine and others: 0.0.0.0 unless HOST narrows it.
  const gatewayHost = process.env['HOST'] || '0.0.0.0';
  const stacks = [
    new AppStack({
      root,
      apps: apps.filter((app) => app !== 'gateway'),
      ports,
      logDir,
      env: { ...shared, ...engineKeys, HOST: '127.0.0.1' },
    }),
    new AppStack({
      root,
      apps: ['gateway'],
      ports,
      logDir,
      env: { ...shared, HOST: gatewayHost },
      host: gatewayHost === '0.0.0.0' ? '127.0.0.1' : gatewayHost,
    }),
  ];
  const [, edge] = stacks;

  let stopping = false;
  const shutdown = async (code: number): Promise<void> => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping...');
    await Promise.all(stacks.map((stack) => stack.stopAll()));
    await Promise.all(servers.map((server) => server.stop()));
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  console.log(`Starting ${apps.join(', ')} (logs in ${logDir})`);
  for (const stack of stacks) stack.startAll();
  for (const stack of stacks)
    for (const app of stack.apps) {
      void stack
        .process(app)
        .waitExit()
        .then((code) => {
          if (!stopping)
            console.error(`${app} exited with code ${code}; see ${join(logDir, `${app}.log`)}`);
        });
    }
  try {
    await Promise.all(stacks.map((stack) => stack.waitAllReady(120_000)));
  } catch (error) {
    console.error(String(error instanceof Error ? error.message : error));
    await shutdown(1);
    return;
  }
  const gateway = edge.url('gateway');
  const reach =
    gatewayHost === '0.0.0.0'
      ? '  (listening on every interface; HOST=127.0.0.1 npm start keeps it to this machine)'
      : `  (listening on ${gatewayHost} only)`;
  console.log(
    `\nPlatform ready.\n  Gateway:   ${gateway}${reach}\n  Health:    ${gateway}/api/v1/health\n  API docs:  ${gateway}/docs\n` +
      `  Admin key: ${adminKey}  (development only)\n` +
      `  Try:       curl -H "Authorization: Bearer ${adminKey}" ${gateway}/api/v1/auth/whoami\n` +
      'Ctrl-C stops everything.',
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
