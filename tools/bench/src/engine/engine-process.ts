import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { appEntry, getJson, ManagedProcess, reservePort, waitFor } from '@aip/platform';
import { processMemoryMiB } from '../measure/process-memory';
import { RestClient } from './rest-client';

/** Compiles the engine (and the libs it uses) so the benchmark measures the current sources. */
export function buildEngine(root: string): boolean {
  const tsc = require.resolve('typescript/bin/tsc', { paths: [root] });
  // The compiler's report goes to stderr: stdout carries only the result tables.
  const result = spawnSync(process.execPath, [tsc, '-b', join(root, 'apps', 'vector-engine')], {
    stdio: ['ignore', 2, 2],
  });
  return result.status === 0;
}

/** Running engines, stopped if the benchmark is interrupted. */
const running = new Set<EngineProcess>();

export function killAllEngines(): void {
  for (const engine of running) void engine.kill();
}

/**
 * The vector engine as a real OS process on a reserved port, as it runs in production:
 * `node apps/vector-engine/dist/main.js --port <port> --data <dir>`.
 */
export class EngineProcess {
  private managed: ManagedProcess | undefined;
  private port = 0;
  /** performance.now() at the last spawn, to time later events (first search) from it. */
  spawnedAt = 0;

  constructor(
    private readonly root: string,
    readonly dataDir: string,
    private readonly logFile: string,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.managed?.pid;
  }

  /** Spawns the engine; resolves with the ms from spawn until `/readyz` answered 200. */
  async start(timeoutMs = 300_000): Promise<number> {
    this.port = await reservePort();
    const managed = new ManagedProcess({
      name: 'vector-engine',
      command: process.execPath,
      args: [
        appEntry('vector-engine', this.root),
        '--port',
        String(this.port),
        '--data',
        this.dataDir,
      ],
      env: { LOG_LEVEL: 'warn', HOST: '127.0.0.1' },
      logFile: this.logFile,
    });
    this.managed = managed;
    const spawned = performance.now();
    this.spawnedAt = spawned;
    managed.start();
    running.add(this);
    let ready = false;
    const exited = managed.waitExit().then((code) => {
      if (!ready) throw new Error(`vector-engine exited (code ${code}); see ${this.logFile}`);
    });
    // Polled every 5 ms: the start-up time is itself a measured figure.
    const readyz = waitFor(
      async () => ((await getJson(`${this.url}/readyz`, 1000)).status === 200 ? true : undefined),
      { timeoutMs, intervalMs: 5, what: 'vector-engine /readyz' },
    );
    // Whichever loses the race must not surface later as an unhandled rejection.
    readyz.catch(() => undefined);
    exited.catch(() => undefined);
    await Promise.race([readyz, exited]);
    ready = true;
    return performance.now() - spawned;
  }

  /** SIGTERM (SIGKILL after 60 s); resolves with the ms until the process had exited. */
  async stop(): Promise<number> {
    const started = performance.now();
    await this.managed?.stop(60_000);
    running.delete(this);
    return performance.now() - started;
  }

  async kill(): Promise<void> {
    await this.managed?.kill('SIGKILL');
    running.delete(this);
  }

  /** Resident memory of the process in MiB (`VmRSS`; `VmHWM` for the peak), from /proc. */
  memoryMiB(field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number | undefined {
    return processMemoryMiB(this.pid, field);
  }

  client(connections = 1): RestClient {
    return new RestClient(this.url, connections);
  }
}
