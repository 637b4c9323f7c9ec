import type { IngestCounts } from '@aip/contracts';
import type { DocumentSink, SourceDocument } from '../ingest/document-sink';

/** How the writer batches and retries; the defaults keep a live change within ~50 ms of the sink. */
export interface WriterOptions {
  /** Wait after the first change of a burst, so one write carries the whole burst. */
  debounceMs: number;
  /** Most documents per sink call. */
  maxBatch: number;
  /** First wait after a failed write; it doubles up to retryMaxMs. */
  retryBaseMs: number;
  retryMaxMs: number;
}

export const DEFAULT_WRITER_OPTIONS: WriterOptions = {
  debounceMs: 20,
  maxBatch: 64,
  retryBaseMs: 250,
  retryMaxMs: 30_000,
};

/** What the writer reports to the source's status. */
export interface WriteObserver {
  written(
    upserted: Map<string, string>,
    removed: string[],
    counts: IngestCounts | undefined,
  ): Promise<void>;
  writeFailed(error: string): Promise<void>;
}

type PendingChange = { op: 'upsert'; document: SourceDocument; group: string } | { op: 'remove' };

/**
 * Writes a live source's changes straight to the document sink, without a queue in between:
 * a change is searchable one debounce and one sink call after it happened, which is what keeps
 * the p50 within 500 ms (a BullMQ hop adds Redis round trips and a worker poll, and buys
 * nothing here, since every source can replay its truth: the watch re-lists, the folder is
 * rescanned, the table's watermark only moves after a successful write).
 * Changes to the same document coalesce (the latest wins); a failed write keeps its changes
 * pending and is retried with exponential backoff until it succeeds or the source stops.
 */
export class SourceWriter {
  private readonly pending = new Map<string, PendingChange>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private attempt = 0;
  private stopped = false;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly sink: DocumentSink,
    private readonly collection: string,
    private readonly source: string,
    private readonly observer: WriteObserver,
    private readonly options: WriterOptions = DEFAULT_WRITER_OPTIONS,
  ) {}

  /** `group` is what the source reconciles by (a Kubernetes kind); '' when it has none. */
  upsert(document: SourceDocument, group = ''): void {
    this.pending.set(document.source_uid, { op: 'upsert', document, group });
    this.schedule(this.options.debounceMs);
  }

  remove(sourceUid: string): void {
    this.pending.set(sourceUid, { op: 'remove' });
    this.schedule(this.options.debounceMs);
  }

  /**
   * Resolves once every change queued so far is written (retries included): true, or false
   * when the writer was stopped first and some may not have been.
   */
  drain(): Promise<boolean> {
    if (this.pending.size === 0 && this.running === undefined)
      return Promise.resolve(!this.stopped);
    return new Promise((resolve) => this.idleWaiters.push(() => resolve(!this.stopped)));
  }

  /** Stops writing; pending changes are dropped (the source replays them when it starts again). */
  stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.pending.clear();
    this.wakeIdle();
    return this.running ?? Promise.resolve();
  }

  private schedule(delayMs: number): void {
    if (this.stopped || this.timer !== undefined || this.running !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.running = this.flush().finally(() => {
        this.running = undefined;
        if (this.pending.size > 0) this.schedule(this.retryDelay());
        else this.wakeIdle();
      });
    }, delayMs);
  }

  private retryDelay(): number {
    if (this.attempt === 0) return 0;
    return Math.min(this.options.retryBaseMs * 2 ** (this.attempt - 1), this.options.retryMaxMs);
  }

  private wakeIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    waiters.forEach((wake) => wake());
  }

  private async flush(): Promise<void> {
    const batch = [...this.pending.entries()].slice(0, this.options.maxBatch);
    for (const [uid] of batch) this.pending.delete(uid);
    const upserts = batch.filter(
      (entry): entry is [string, Extract<PendingChange, { op: 'upsert' }>] =>
        entry[1].op === 'upsert',
    );
    const removals = batch.filter(([, change]) => change.op === 'remove').map(([uid]) => uid);
    try {
      let counts: IngestCounts | undefined;
      if (upserts.length > 0)
        counts = await this.sink.upsert(
          this.collection,
          this.source,
          upserts.map(([, change]) => change.document),
        );
      if (removals.length > 0) await this.sink.remove(this.collection, this.source, removals);
      this.attempt = 0;
      const failedUids = new Set(counts?.errors.map((error) => error.source_uid));
      const written = new Map(
        upserts.filter(([uid]) => !failedUids.has(uid)).map(([uid, change]) => [uid, change.group]),
      );
      await this.observer.written(written, removals, counts);
    } catch (error) {
      this.attempt++;
      // Put the batch back unless a newer change to the same document arrived meanwhile.
      for (const [uid, change] of batch) if (!this.pending.has(uid)) this.pending.set(uid, change);
      if (this.stopped) this.pending.clear();
      await this.observer.writeFailed(error instanceof Error ? error.message : String(error));
    }
  }
}
