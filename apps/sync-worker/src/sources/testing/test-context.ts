import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import pino from 'pino';
import type { SourceKind } from '@aip/contracts';
import type { SourceContext } from '../live-source';
import { sourceRuntime } from '../source-runtime';
import { SourceStore } from '../source-store';
import type { RecordingSink } from './recording-sink';

const REDIS_URL = process.env['AIP_TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/** The real Redis under a key prefix of this test run's own, removed by close(). */
export class TestRedis {
  readonly redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  readonly prefix = `aip:test:sources:${randomUUID()}`;

  store(): SourceStore {
    return new SourceStore(this.redis, this.prefix);
  }

  async close(): Promise<void> {
    const keys = await this.redis.keys(`${this.prefix}*`);
    if (keys.length > 0) await this.redis.del(...keys);
    await this.redis.quit();
  }
}

/** A source context as the registry builds it, over the given store and sink. */
export function testContext(
  store: SourceStore,
  sink: RecordingSink,
  id: string,
  kind: SourceKind = 'directory',
): SourceContext {
  return sourceRuntime(
    { id, kind, collection: 'docs', settings: {}, origin: 'api', created_at: '', paused: false },
    store,
    sink,
    pino({ level: 'silent' }),
    { debounceMs: 5, maxBatch: 64, retryBaseMs: 20, retryMaxMs: 100 },
  );
}
