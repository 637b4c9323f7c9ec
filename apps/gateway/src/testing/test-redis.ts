import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

/** The Redis the gateway's tests use: the machine's, unless AIP_TEST_REDIS_URL names another. */
export const TEST_REDIS_URL = process.env['AIP_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/**
 * A connection to the test Redis whose every key lies under a prefix of this run's own (process
 * id and a random part), so concurrent test runs on one machine never share a key, whatever
 * fixed key names the code under test uses.
 */
export class TestRedis {
  readonly prefix = `test:gateway:${process.pid}:${randomBytes(6).toString('hex')}:`;
  readonly redis = new Redis(TEST_REDIS_URL, { keyPrefix: this.prefix, maxRetriesPerRequest: 1 });

  /** Deletes every key under the prefix (SCAN patterns are not prefixed) and disconnects. */
  async cleanup(): Promise<void> {
    const plain = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
    try {
      for await (const keys of plain.scanStream({ match: `${this.prefix}*`, count: 500 })) {
        if ((keys as string[]).length > 0) await plain.unlink(...(keys as string[]));
      }
    } finally {
      plain.disconnect();
      this.redis.disconnect();
    }
  }
}

/** A connection to a port nothing listens on: every command fails at once, as when Redis is down. */
export function unreachableRedis(): Redis {
  const redis = new Redis('redis://127.0.0.1:1', {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on('error', () => undefined);
  return redis;
}
