import { Watch } from '@kubernetes/client-node';
import { backoffMs } from '../live-source';

/** A watch that lasted at least this long ended normally (servers end watches every few minutes). */
export const HEALTHY_WATCH_MS = 5000;

/**
 * The client's Watch, paced: the informer starts a new watch the moment one ends without an
 * error, so a server that ends every watch at once would be asked hundreds of times a second.
 * Each watch that ended sooner than HEALTHY_WATCH_MS makes the next start wait longer (the
 * source's backoff); one that lasted resets the wait. Nothing starts once the source stopped.
 */
export class PacedWatch extends Watch {
  private quickEnds = 0;
  private startedAt = 0;

  constructor(
    config: ConstructorParameters<typeof Watch>[0],
    private readonly stopped: () => boolean,
  ) {
    super(config);
  }

  override async watch(
    path: string,
    queryParams: Parameters<Watch['watch']>[1],
    callback: (phase: string, apiObj: unknown, watchObj?: unknown) => void,
    done: (err: unknown) => void,
  ): Promise<AbortController> {
    if (this.startedAt > 0) {
      const lasted = Date.now() - this.startedAt;
      this.quickEnds = lasted < HEALTHY_WATCH_MS ? this.quickEnds + 1 : 0;
      if (this.quickEnds > 0)
        await new Promise((wake) => setTimeout(wake, backoffMs(this.quickEnds)));
    }
    if (this.stopped()) return new AbortController();
    this.startedAt = Date.now();
    try {
      return await super.watch(path, queryParams, callback, done);
    } catch (error) {
      done(error);
      return new AbortController();
    }
  }
}
