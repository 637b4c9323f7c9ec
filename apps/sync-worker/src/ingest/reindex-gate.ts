import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { REDIS } from '@aip/platform';

/** How long a reindex lock lives without being renewed: a crashed reindex cannot block forever. */
export const REINDEX_LOCK_TTL_MS = 30_000;
const POLL_MS = 250;

function lockKey(collection: string): string {
  return `aip:sync:reindexing:${collection}`;
}

/**
 * Writes to a collection wait while it is being reindexed: the copy reads the collection page by
 * page, so a chunk written behind it would be missing from the new collection after the swap.
 */
@Injectable()
export class ReindexGate {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async close(collection: string): Promise<void> {
    await this.redis.set(lockKey(collection), '1', 'PX', REINDEX_LOCK_TTL_MS);
  }

  async open(collection: string): Promise<void> {
    await this.redis.del(lockKey(collection));
  }

  async waitUntilOpen(collection: string): Promise<void> {
    while ((await this.redis.exists(lockKey(collection))) === 1)
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
