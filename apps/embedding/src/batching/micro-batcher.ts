interface Pending<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

/**
 * Merges concurrent single requests into batches, and each caller gets its own result back.
 * Providers are far faster per text in batches (one model call, one HTTP round trip), but a
 * lone text should not wait for company that is not coming:
 * - while no batch is running, what has arrived goes out at the end of the current turn of
 *   the event loop (requests read from one socket read still share a batch);
 * - while one is running, new texts gather until it ends, or until the first of them has
 *   waited `maxWaitMs`, whichever comes first;
 * - a full batch (`maxSize`) goes out at once.
 */
export class MicroBatcher<T, R> {
  private queue: Pending<T, R>[] = [];
  private timer: NodeJS.Timeout | undefined;
  private immediate: NodeJS.Immediate | undefined;
  private running = 0;

  constructor(
    private readonly run: (items: T[]) => Promise<R[]>,
    private readonly maxSize: number,
    private readonly maxWaitMs: number,
  ) {}

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (this.queue.length >= this.maxSize) this.flush();
      else if (this.running === 0) this.immediate ??= setImmediate(() => this.flush());
      else this.timer ??= setTimeout(() => this.flush(), this.maxWaitMs);
    });
  }

  submitAll(items: T[]): Promise<R[]> {
    return Promise.all(items.map((item) => this.submit(item)));
  }

  private flush(): void {
    clearTimeout(this.timer);
    clearImmediate(this.immediate);
    this.timer = undefined;
    this.immediate = undefined;
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxSize);
      this.running += 1;
      this.run(batch.map((p) => p.item))
        .then(
          (results) => batch.forEach((p, i) => p.resolve(results[i])),
          (error: unknown) => batch.forEach((p) => p.reject(error)),
        )
        .finally(() => {
          this.running -= 1;
          // What gathered while this batch ran goes now rather than at its deadline.
          if (this.running === 0 && this.queue.length > 0) this.flush();
        });
    }
  }
}
