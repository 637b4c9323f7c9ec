import { ErrorCode, PlatformError } from '@aip/contracts';

interface Waiter {
  grant: (release: () => void) => void;
  reject: (error: unknown) => void;
}

/** Smoothing of the average time a request holds a sequence (for Retry-After). */
const HOLD_TIME_SMOOTHING = 0.2;

/**
 * The sequences of one model's context: up to `capacity` requests generate at once (decoded
 * together in one batch), up to `queueMax` more wait in arrival order, and beyond that a request
 * is refused at once with RATE_LIMITED and a Retry-After estimated from recent requests.
 */
export class SequencePool {
  private active = 0;
  private readonly waiting: Waiter[] = [];
  private averageHoldMs = 1000;

  constructor(
    readonly model: string,
    readonly capacity: number,
    readonly queueMax: number,
  ) {}

  get stats(): { active: number; waiting: number } {
    return { active: this.active, waiting: this.waiting.length };
  }

  /**
   * Resolves with a release function once a sequence is free. Aborting while waiting leaves the
   * queue and rejects with the signal's reason.
   */
  async acquire(signal?: AbortSignal): Promise<() => void> {
    signal?.throwIfAborted();
    if (this.active < this.capacity) return this.grant();
    if (this.waiting.length >= this.queueMax) throw this.full();
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        grant: (release) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(release);
        },
        reject,
      };
      const onAbort = () => {
        const index = this.waiting.indexOf(waiter);
        if (index >= 0) this.waiting.splice(index, 1);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(waiter);
    });
  }

  /** A release function if a sequence is free right now, without queueing for one. */
  tryAcquire(): (() => void) | undefined {
    return this.active < this.capacity ? this.grant() : undefined;
  }

  private grant(): () => void {
    this.active += 1;
    const started = Date.now();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.averageHoldMs += (Date.now() - started - this.averageHoldMs) * HOLD_TIME_SMOOTHING;
      this.active -= 1;
      this.waiting.shift()?.grant(this.grant());
    };
  }

  private full(): PlatformError {
    // Every queued request and the one asking must wait for a turn of `capacity` sequences.
    const turns = Math.ceil((this.waiting.length + 1) / this.capacity);
    const retryAfterSeconds = Math.max(1, Math.ceil((turns * this.averageHoldMs) / 1000));
    return new PlatformError(
      ErrorCode.RateLimited,
      `Model ${this.model} is busy: ${this.active} requests generating and ${this.waiting.length} queued (limit ${this.queueMax}); retry in ${retryAfterSeconds} s`,
      {
        model: this.model,
        queued: this.waiting.length,
        queueMax: this.queueMax,
        retryAfterSeconds,
      },
    );
  }
}
