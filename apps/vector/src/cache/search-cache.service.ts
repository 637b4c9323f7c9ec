import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { Counter } from 'prom-client';
import { REDIS, RedisScript, registeredMetric } from '@aip/platform';
import { VectorConfig } from '../config/vector.config';
import { sha256, storeNamespace } from '../store/store-namespace';
import { canonicalJson } from './cache-key';

/** Longest a cache lookup may wait on Redis before the search goes to Qdrant instead. */
export const CACHE_REDIS_TIMEOUT_MS = 250;
/** Replies larger than this are not cached (they would crowd out many small ones). */
export const MAX_CACHED_REPLY_BYTES = 1024 * 1024;
/** How often a version bump that Redis refused is tried again. */
const BUMP_RETRY_MS = 500;

/**
 * One round trip per lookup: reads the collection's version (starting it when absent) and the
 * entry filed under it. The entry key is built here from the version, so it is not declared in
 * KEYS: fine on one Redis, not on Redis Cluster.
 */
const LOOKUP_SCRIPT = `
local version = redis.call('GET', KEYS[1])
if not version then
  redis.call('SET', KEYS[1], ARGV[3], 'NX')
  version = redis.call('GET', KEYS[1])
end
return {version, redis.call('GET', ARGV[1] .. version .. ARGV[2])}`;
const LOOKUP = new RedisScript('aipSearchCacheLookup', LOOKUP_SCRIPT, 1);

/**
 * A version no earlier version of any collection can have held, even after Redis lost the key
 * (evicted, flushed) while entries cached under it live on. A counter restarting at 1, or the
 * clock (which repeats within a millisecond and differs between replicas), could map a lost
 * key back onto an old version and revive its entries.
 */
function freshVersion(): string {
  return randomUUID();
}

function counter(name: string, help: string): Counter<'operation'> {
  return registeredMetric(name, () => new Counter({ name, help, labelNames: ['operation'] }));
}

/** Where a read's reply is (or would be) cached; undefined key: the cache is not used. */
export interface CacheLookup {
  key?: string;
  hit: boolean;
  value?: unknown;
}

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`redis gave no answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * Search replies in Redis under `<namespace>:res:<collection>:<version>:<sha256(payload)>`.
 * Every write to a collection gives it a fresh version, so replies cached before the write are
 * never found again (they expire with their TTL). The payload includes the caller's tenant, so
 * tenants never share an entry. The cache is an optimisation: when Redis is unreachable reads
 * go to Qdrant, never fail.
 */
@Injectable()
export class SearchCache implements OnApplicationShutdown {
  private readonly namespace: string;
  private readonly ttlSeconds: number;
  /** Collections whose version bump Redis refused: this replica bypasses them until it lands. */
  private readonly pendingBumps = new Set<string>();
  private bumpTimer: NodeJS.Timeout | undefined;
  private readonly hits = counter(
    'aip_vector_cache_hits_total',
    'Vector reads answered from the search cache, by operation',
  );
  private readonly misses = counter(
    'aip_vector_cache_misses_total',
    'Vector reads that went to Qdrant (cache misses, or cache off or unreachable), by operation',
  );

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    config: VectorConfig,
  ) {
    this.namespace = storeNamespace(config.QDRANT_URL);
    this.ttlSeconds = config.VECTOR_CACHE_TTL_SECONDS;
  }

  private versionKey(collection: string): string {
    return `${this.namespace}:ver:${collection}`;
  }

  async lookup(operation: string, collection: string, payload: unknown): Promise<CacheLookup> {
    if (this.ttlSeconds === 0 || this.pendingBumps.has(collection)) {
      this.misses.inc({ operation });
      return { hit: false };
    }
    try {
      const prefix = `${this.namespace}:res:${collection}:`;
      const suffix = `:${sha256(canonicalJson(payload))}`;
      const [version, cached] = (await within(
        LOOKUP.run(this.redis, this.versionKey(collection), prefix, suffix, freshVersion()),
        CACHE_REDIS_TIMEOUT_MS,
      )) as [string, string | null];
      const key = `${prefix}${version}${suffix}`;
      if (cached !== null) {
        this.hits.inc({ operation });
        return { key, hit: true, value: JSON.parse(cached) };
      }
      this.misses.inc({ operation });
      return { key, hit: false };
    } catch {
      this.misses.inc({ operation });
      return { hit: false };
    }
  }

  /** Fills the cache in the background: it must not hold up or fail the reply. */
  store(key: string, value: unknown): void {
    const json = JSON.stringify(value);
    if (json === undefined || Buffer.byteLength(json) > MAX_CACHED_REPLY_BYTES) return;
    this.redis.set(key, json, 'EX', this.ttlSeconds).catch(() => undefined);
  }

  /**
   * Makes every reply cached so far for the collection unreachable. Awaited before the write's
   * reply is sent. When Redis refuses, the bump is retried in the background and this replica
   * stops using the collection's cache until it lands.
   */
  async bump(collection: string): Promise<void> {
    try {
      await within(this.runBump(collection), CACHE_REDIS_TIMEOUT_MS);
      this.pendingBumps.delete(collection);
    } catch {
      this.pendingBumps.add(collection);
      this.scheduleBumpRetry();
    }
  }

  private runBump(collection: string): Promise<unknown> {
    return this.redis.set(this.versionKey(collection), freshVersion());
  }

  private scheduleBumpRetry(): void {
    if (this.bumpTimer) return;
    this.bumpTimer = setTimeout(() => {
      this.bumpTimer = undefined;
      for (const collection of [...this.pendingBumps]) void this.bump(collection);
    }, BUMP_RETRY_MS);
    this.bumpTimer.unref();
  }

  onApplicationShutdown(): void {
    clearTimeout(this.bumpTimer);
  }
}
