import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { processCpuMs } from '../measure/process-cpu';
import { processMemoryMiB } from '../measure/process-memory';
import type { QueryRun } from '../measure/query-run';
import { summarise } from '../measure/stats';
import type { IndexSpec, SearchSetting, WorkerReply, WorkerRequest } from './protocol';

/** The compiled worker next to this file (tools/bench/dist/lancedb/worker.js). */
const WORKER = join(__dirname, 'worker.js');
const STOP_TIMEOUT_MS = 30_000;

type Reply<T extends WorkerReply['type']> = Extract<WorkerReply, { type: T }>;

export interface LanceDbSearch {
  run: QueryRun;
  /** CPU ms of the worker (every thread) over the whole call, warm-up queries included. */
  cpuMs: number;
}

/**
 * LanceDB (@lancedb/lancedb) in-process in a child Node process of its own: the worker in
 * worker.ts, driven one request at a time over IPC. Its tables live in `dbDir`.
 */
export class LanceDbProcess {
  private child: ChildProcess | undefined;

  constructor(readonly dbDir: string) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** Forks the worker; resolves once it has loaded LanceDB (its empty RSS is then meaningful). */
  async start(): Promise<void> {
    const child = fork(WORKER, [], {
      execPath: process.execPath,
      // So the worker can collect its own garbage from writing (see worker.ts).
      execArgv: ['--expose-gc'],
      // Typed arrays cross as they are; JSON would turn the queries into objects.
      serialization: 'advanced',
      // Its output is progress, never results: both go to the benchmark's stderr.
      stdio: ['ignore', 2, 2, 'ipc'],
      // LanceDB's Rust logger warns on stderr; errors are all the benchmark needs.
      env: { ...process.env, LANCEDB_LOG: 'error' },
    });
    this.child = child;
    await new Promise<void>((resolve, reject) => {
      child.once('error', reject);
      this.awaitReply(child, 'start', 'ready').then(() => resolve(), reject);
    });
  }

  async load(vectorFile: string, dim: number, count: number): Promise<Reply<'loaded'>> {
    return this.call({ type: 'load', dbDir: this.dbDir, vectorFile, dim, count }, 'loaded');
  }

  async buildIndex(spec: IndexSpec): Promise<Reply<'indexed'>> {
    return this.call({ type: 'index', spec }, 'indexed');
  }

  /** One timed pass over the queries (rows of `dim`), one after another, after a warm-up. */
  async search(
    queries: Float32Array,
    dim: number,
    k: number,
    setting: SearchSetting,
    warmup: number,
  ): Promise<LanceDbSearch> {
    const pid = this.running().pid as number;
    const cpuBefore = processCpuMs(pid);
    const reply = await this.call({ type: 'search', queries, dim, k, setting, warmup }, 'searched');
    const cpuMs = processCpuMs(pid) - cpuBefore;
    return {
      run: {
        ids: reply.ids,
        latenciesMs: reply.latenciesMs,
        summary: summarise(reply.latenciesMs, reply.wallMs),
      },
      cpuMs,
    };
  }

  /** Resident memory of the worker in MiB (`VmRSS`; `VmHWM` for the peak), from /proc. */
  memoryMiB(field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number | undefined {
    return processMemoryMiB(this.pid, field);
  }

  /** Closes the channel (the worker exits on it), SIGKILL if it has not gone in 30 s. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    if (child.connected) child.disconnect();
    else child.kill('SIGTERM');
    await exited;
    clearTimeout(timer);
  }

  private running(): ChildProcess {
    if (!this.child) throw new Error('the LanceDB worker is not running');
    return this.child;
  }

  private call<T extends WorkerReply['type']>(
    request: WorkerRequest,
    expected: T,
  ): Promise<Reply<T>> {
    const child = this.running();
    const reply = this.awaitReply(child, request.type, expected);
    child.send(request);
    return reply;
  }

  /** The worker's next message, which has to be `expected` (or its failure). */
  private awaitReply<T extends WorkerReply['type']>(
    child: ChildProcess,
    during: string,
    expected: T,
  ): Promise<Reply<T>> {
    return new Promise((resolve, reject) => {
      const settle = (): void => {
        child.off('message', onMessage);
        child.off('exit', onExit);
      };
      const onMessage = (reply: WorkerReply): void => {
        settle();
        if (reply.type === expected) resolve(reply as Reply<T>);
        else if (reply.type === 'failed') reject(new Error(`LanceDB worker: ${reply.message}`));
        else reject(new Error(`LanceDB worker answered ${reply.type} during ${during}`));
      };
      const onExit = (code: number | null, signal: string | null): void => {
        settle();
        reject(new Error(`LanceDB worker exited (${signal ?? code}) during ${during}`));
      };
      child.on('message', onMessage);
      child.on('exit', onExit);
    });
  }
}
