import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { isPortOpen, ManagedProcess, waitFor } from '@aip/platform';

/** A server the platform needs (NATS, Redis): reuse a running one, else start it if installed. */
export interface Dependency {
  name: string;
  url: string;
  binary: string;
  args: (host: string, port: number, dataDir: string) => string[];
  install: string;
}

export const NATS: Dependency = {
  name: 'NATS',
  url: process.env['NATS_URL']?.split(',')[0] ?? 'nats://127.0.0.1:4222',
  binary: 'nats-server',
  args: (host, port, dataDir) => [
    '-a',
    host,
    '-p',
    String(port),
    '-js',
    '-sd',
    join(dataDir, 'nats'),
  ],
  install: 'sudo apt-get install -y nats-server   (macOS: brew install nats-server)',
};

export const REDIS: Dependency = {
  name: 'Redis',
  url: process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
  binary: 'redis-server',
  args: (host, port, dataDir) => [
    '--bind',
    host,
    '--port',
    String(port),
    '--dir',
    join(dataDir, 'redis'),
    '--appendonly',
    'yes',
    '--save',
    '',
  ],
  install: 'sudo apt-get install -y redis-server   (macOS: brew install redis)',
};

function isInstalled(binary: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${binary}`], { stdio: 'ignore' }).status === 0;
}

/**
 * Returns a process we started (to stop on exit), or undefined when the server was already
 * running. Stops the launcher with the install command when it is neither running nor installed.
 */
export async function ensureRunning(
  dependency: Dependency,
  dataDir: string,
  logDir: string,
): Promise<ManagedProcess | undefined> {
  const { hostname, port } = new URL(dependency.url);
  const portNumber = Number(port);
  if (await isPortOpen(hostname, portNumber)) return undefined;
  const local = hostname === '127.0.0.1' || hostname === 'localhost';
  if (!local) {
    throw new Error(`${dependency.name} is not reachable at ${dependency.url}`);
  }
  if (!isInstalled(dependency.binary)) {
    throw new Error(
      `${dependency.name} is not running on ${hostname}:${portNumber} and ${dependency.binary} is not installed.\n` +
        `Install it with:\n  ${dependency.install}\nthen run npm start again.`,
    );
  }
  mkdirSync(join(dataDir, dependency.binary === 'redis-server' ? 'redis' : 'nats'), {
    recursive: true,
  });
  const server = new ManagedProcess({
    name: dependency.binary,
    command: dependency.binary,
    args: dependency.args('127.0.0.1', portNumber, dataDir),
    logFile: join(logDir, `${dependency.binary}.log`),
  });
  server.start();
  await waitFor(async () => ((await isPortOpen(hostname, portNumber)) ? true : undefined), {
    timeoutMs: 15_000,
    what: `${dependency.binary} on port ${portNumber}`,
  });
  return server;
}
