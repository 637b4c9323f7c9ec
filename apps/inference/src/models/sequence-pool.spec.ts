import { ErrorCode, PlatformError } from '@aip/contracts';
import { SequencePool } from './sequence-pool';

describe('SequencePool', () => {
  it('lets `capacity` requests generate at once and queues the rest in arrival order', async () => {
    const pool = new SequencePool('tiny', 2, 10);
    const first = await pool.acquire();
    await pool.acquire();
    const order: number[] = [];
    const third = pool.acquire().then((release) => (order.push(3), release));
    const fourth = pool.acquire().then((release) => (order.push(4), release));
    expect(pool.stats).toEqual({ active: 2, waiting: 2 });
    first();
    (await third)();
    await fourth;
    expect(order).toEqual([3, 4]);
    expect(pool.stats).toEqual({ active: 2, waiting: 0 });
  });

  it('refuses a request beyond the queue at once with RATE_LIMITED and a Retry-After', async () => {
    const pool = new SequencePool('tiny', 1, 1);
    await pool.acquire();
    void pool.acquire();
    const refused = await pool.acquire().catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(PlatformError);
    expect((refused as PlatformError).code).toBe(ErrorCode.RateLimited);
    expect((refused as PlatformError).message).toContain('1 queued (limit 1)');
    expect((refused as PlatformError).details?.['retryAfterSeconds']).toBeGreaterThanOrEqual(1);
  });

  it('takes an aborted request out of the queue, so it frees its place', async () => {
    const pool = new SequencePool('tiny', 1, 1);
    const release = await pool.acquire();
    const controller = new AbortController();
    const waiting = pool.acquire(controller.signal);
    controller.abort(new Error('client went away'));
    await expect(waiting).rejects.toThrow('client went away');
    expect(pool.stats).toEqual({ active: 1, waiting: 0 });
    const next = pool.acquire();
    release();
    await expect(next).resolves.toBeInstanceOf(Function);
  });

  it('gives a free sequence to tryAcquire at once, and none (without queueing) when all are busy', async () => {
    const pool = new SequencePool('tiny', 2, 10);
    await pool.acquire();
    const extra = pool.tryAcquire();
    expect(extra).toBeDefined();
    expect(pool.tryAcquire()).toBeUndefined();
    expect(pool.stats).toEqual({ active: 2, waiting: 0 });
    extra!();
    expect(pool.stats.active).toBe(1);
  });

  it('counts a release only once', async () => {
    const pool = new SequencePool('tiny', 1, 0);
    const release = await pool.acquire();
    release();
    release();
    expect(pool.stats).toEqual({ active: 0, waiting: 0 });
  });
});
