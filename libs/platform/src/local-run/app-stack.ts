import { join } from 'node:path';
import { ManagedProcess } from './child-process';
import { getJson, waitFor } from './wait-for';
import { appEntry } from './workspace';

/** Every app of the platform and the variable that sets its HTTP port. */
export const APP_PORT_VARIABLES = {
  'vector-engine': 'VECTOR_ENGINE_PORT',
  inference: 'INFERENCE_PORT',
  embedding: 'EMBEDDING_PORT',
  vector: 'VECTOR_PORT',
  'sync-worker': 'SYNC_WORKER_PORT',
  gateway: 'GATEWAY_PORT',
} as const;

export type AppName = keyof typeof APP_PORT_VARIABLES;

/** Start order: the engine first (vector needs it), the gateway last. */
export const ALL_APPS = Object.keys(APP_PORT_VARIABLES) as AppName[];

export interface AppStackOptions {
  root: string;
  apps: AppName[];
  ports: Record<AppName, number>;
  /** Shared by every app: NATS_URL, REDIS_URL, DATA_DIR, LOG_LEVEL, QDRANT_URL... */
  env: NodeJS.ProcessEnv;
  logDir: string;
  host?: string;
}

/**
 * The platform's apps as separate OS processes, as in production: used by `npm start` and by
 * the end-to-end tests. Each app's output goes to `<logDir>/<app>.log`.
 */
export class AppStack {
  private readonly processes = new Map<AppName, ManagedProcess>();

  constructor(private readonly options: AppStackOptions) {
    const portEnv = Object.fromEntries(
      ALL_APPS.map((app) => [APP_PORT_VARIABLES[app], String(options.ports[app])]),
    );
    for (const app of options.apps) {
      this.processes.set(
        app,
        new ManagedProcess({
          name: app,
          command: process.execPath,
          args: [appEntry(app, options.root)],
          env: { ...portEnv, ...options.env },
          logFile: join(options.logDir, `${app}.log`),
        }),
      );
    }
  }

  get apps(): AppName[] {
    return [...this.processes.keys()];
  }

  url(app: AppName): string {
    return `http://${this.options.host ?? '127.0.0.1'}:${this.options.ports[app]}`;
  }

  process(app: AppName): ManagedProcess {
    const managed = this.processes.get(app);
    if (!managed) throw new Error(`${app} is not part of this stack`);
    return managed;
  }

  start(app: AppName): void {
    this.process(app).start();
  }

  startAll(): void {
    for (const app of this.apps) this.start(app);
  }

  /** Resolves when the app's /health/ready answers 200; fails early if the process exits. */
  async waitReady(app: AppName, timeoutMs = 60_000): Promise<void> {
    const managed = this.process(app);
    let ready = false;
    const exited = managed.waitExit().then((code) => {
      if (!ready) {
        throw new Error(
          `${app} exited (code ${code}) before it was ready; see ${managed.options.logFile}`,
        );
      }
    });
    const healthy = waitFor(
      async () => {
        const { status } = await getJson(`${this.url(app)}/health/ready`, 1500);
        return status === 200 ? true : undefined;
      },
      { timeoutMs, intervalMs: 200, what: `${app} to be ready` },
    );
    await Promise.race([healthy, exited]);
    ready = true;
  }

  async waitAllReady(timeoutMs = 60_000): Promise<void> {
    await Promise.all(this.apps.map((app) => this.waitReady(app, timeoutMs)));
  }

  /** SIGTERM to every app at once, gateway first in the list; SIGKILL after the grace time. */
  async stopAll(graceMs = 10_000): Promise<void> {
    await Promise.all([...this.processes.values()].map((managed) => managed.stop(graceMs)));
  }
}
