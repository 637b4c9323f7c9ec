import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { REDIS } from '@aip/platform';

/** The failed reason of a cancelled job, and how a report tells it from a failure. */
export const CANCELLED_REASON = 'cancelled on request';
/** Cancellation marks outlive any job they could still apply to. */
const MARK_TTL_SECONDS = 7 * 24 * 3600;

function markKey(jobId: string): string {
  return `aip:sync:cancel:${jobId}`;
}

/** Marks that processors check between batches: a running job cannot be removed, only stopped. */
@Injectable()
export class JobCancellation {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async cancel(jobId: string): Promise<void> {
    await this.redis.set(markKey(jobId), '1', 'EX', MARK_TTL_SECONDS);
  }

  async clear(jobId: string): Promise<void> {
    await this.redis.del(markKey(jobId));
  }

  async isCancelled(jobId: string): Promise<boolean> {
    return (await this.redis.exists(markKey(jobId))) === 1;
  }
}
