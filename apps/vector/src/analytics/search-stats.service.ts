import { randomBytes } from 'node:crypto';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import {
  LATENCY_WINDOW_SAMPLES,
  type CollectionSearchAnalytics,
  type FrequentQuery,
  type SearchAnalyticsReply,
} from '@aip/contracts';
import { REDIS, RedisScript } from '@aip/platform';
import { sha256, storeNamespace } from '../store/store-namespace';
import { VectorConfig } from '../config/vector.config';
import { decodeSample, encodeSample, latencyBreakdown, type LatencySample } from './latency-window';
import { loggedQuery, type QueryLog } from './query-text';

/** Distinct queries tracked per collection, for all callers and for each tenant. */
export const MAX_TRACKED_QUERIES = 1000;
/** Frequent queries listed per collection when the caller does not say. */
export const DEFAULT_FREQUENT_QUERIES = 10;
/** Timed reads are written to Redis together, at most this long after they happen. */
export const RECORD_FLUSH_MS = 200;
/** ...or as soon as this many are waiting. */
const RECORD_FLUSH_SIZE = 500;

/**
 * Space-saving count (Metwally et al.) in a sorted set of bounded size: a known query is
 * incremented; a new one takes the place of the least counted when the set is full, inheriting
 * its count + 1. The truly frequent queries stay; a count is an upper bound once eviction began.
 */
const COUNT_QUERY_SCRIPT = `
if redis.call('ZSCORE', KEYS[1], ARGV[1]) or redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[2]) then
  return redis.call('ZINCRBY', KEYS[1], 1, ARGV[1])
end
local least = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
redis.call('ZREM', KEYS[1], least[1])
return redis.call('ZADD', KEYS[1], tonumber(least[2]) + 1, ARGV[1])`;
const COUNT_QUERY = new RedisScript('aipCountQuery', COUNT_QUERY_SCRIPT, 1);

export interface TimedRead extends LatencySample {
  collection: string;
  tenant?: string;
  /** The read's query texts (see queryTexts). */
  texts: string[];
}

/**
 * Search analytics kept in Redis, so every replica records into and reports the same figures:
 * the last LATENCY_WINDOW_SAMPLES timings overall and per collection, and per collection the
 * most frequent queries as VECTOR_QUERY_LOG allows. Recording never waits on or fails a search.
 *
 * Every figure is kept twice: for all callers, and for the tenant of the read. A tenant-scoped
 * report reads only its tenant's own, so nothing in it (latencies, how many samples, which
 * collections were searched, query counts, even what a bounded list evicted) depends on
 * another tenant's searches.
 */
@Injectable()
export class SearchStats implements OnApplicationShutdown {
  private readonly namespace: string;
  /** Reads timed since the last flush: one Redis round trip for many searches, not one each. */
  private pending: TimedRead[] = [];
  private flushTimer: NodeJS.Timeout | undefined;
  private flushed: Promise<void> = Promise.resolve();
  private hashKey: Promise<string> | undefined;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: VectorConfig,
  ) {
    this.namespace = storeNamespace(config.QDRANT_URL);
  }

  /** Keys of the figures for all callers (no tenant) or for one tenant. */
  private scope(tenant: string | undefined): string {
    // Hashed: a tenant name may hold any character, a Redis key part here must not hold ':'.
    return tenant === undefined ? this.namespace : `${this.namespace}:t:${sha256(tenant)}`;
  }

  private latencyKey(scope: string, collection?: string): string {
    return collection === undefined ? `${scope}:lat` : `${scope}:lat:${collection}`;
  }

  /** `queries`, not the `q` of old: those lists held unkeyed hashes, which are left behind. */
  private queriesKey(scope: string, collection: string): string {
    return `${scope}:queries:${collection}`;
  }

  private collectionsKey(scope: string): string {
    return `${scope}:searched`;
  }

  /**
   * VECTOR_QUERY_HASH_SECRET, or the key made once and kept in Redis: the first replica to ask
   * sets it, the others read it. A failed attempt is tried again on the next flush.
   */
  private queryHashKey(): Promise<string> {
    const configured = this.config.VECTOR_QUERY_HASH_SECRET;
    if (configured !== undefined) return Promise.resolve(configured);
    this.hashKey ??= (async () => {
      const key = `${this.namespace}:query-hash-secret`;
      await this.redis.set(key, randomBytes(32).toString('hex'), 'NX');
      const secret = await this.redis.get(key);
      if (secret === null) throw new Error(`${key} vanished from Redis`);
      return secret;
    })().catch((error: unknown) => {
      this.hashKey = undefined;
      throw error;
    });
    return this.hashKey;
  }

  private async queryLog(): Promise<QueryLog> {
    const mode = this.config.VECTOR_QUERY_LOG;
    return mode === 'hashed' ? { mode, key: await this.queryHashKey() } : { mode };
  }

  record(read: TimedRead): void {
    this.pending.push(read);
    if (this.pending.length >= RECORD_FLUSH_SIZE) void this.flush();
    else if (!this.flushTimer) {
      this.flushTimer = setTimeout(() => void this.flush(), RECORD_FLUSH_MS);
      this.flushTimer.unref();
    }
  }

  /**
   * Writes the waiting reads; newest samples end up first in each window, as one by one. Each
   * flush waits for the one before, so a report that flushed sees every read timed before it.
   */
  flush(): Promise<void> {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const reads = this.pending;
    this.pending = [];
    this.flushed = this.flushed.then(() => this.write(reads));
    return this.flushed;
  }

  private async write(reads: TimedRead[]): Promise<void> {
    if (reads.length === 0) return;
    // Recording never waits on or fails a search.
    try {
      const log = await this.queryLog();
      COUNT_QUERY.define(this.redis);
      const pipeline = this.redis.pipeline();
      const samples = new Map<string, string[]>();
      const add = (key: string, sample: string) =>
        samples.set(key, [...(samples.get(key) ?? []), sample]);
      const collections = new Map<string, Set<string>>();
      for (const read of reads) {
        const sample = encodeSample(read);
        const queries = read.texts
          .map((text) => loggedQuery(text, log))
          .filter((query): query is string => query !== undefined);
        const scopes = [this.scope(undefined)];
        if (read.tenant !== undefined) scopes.push(this.scope(read.tenant));
        for (const scope of scopes) {
          add(this.latencyKey(scope), sample);
          add(this.latencyKey(scope, read.collection), sample);
          collections.set(scope, (collections.get(scope) ?? new Set()).add(read.collection));
          for (const query of queries)
            COUNT_QUERY.queue(
              pipeline,
              this.queriesKey(scope, read.collection),
              query,
              MAX_TRACKED_QUERIES,
            );
        }
      }
      for (const [key, values] of samples)
        pipeline.lpush(key, ...values).ltrim(key, 0, LATENCY_WINDOW_SAMPLES - 1);
      for (const [scope, names] of collections) pipeline.sadd(this.collectionsKey(scope), ...names);
      await pipeline.exec();
    } catch {
      // Figures of an unreachable Redis are lost, the searches they time are not.
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.flush();
  }

  private async samples(scope: string, collection?: string): Promise<LatencySample[]> {
    const encoded = await this.redis.lrange(this.latencyKey(scope, collection), 0, -1);
    return encoded.map(decodeSample).filter((s): s is LatencySample => s !== undefined);
  }

  /** Most frequent queries of a collection, in the scope's own bounded list. */
  private async frequentQueries(
    scope: string,
    collection: string,
    top: number,
  ): Promise<FrequentQuery[]> {
    if (top === 0) return [];
    const flat = await this.redis.zrange(this.queriesKey(scope, collection), 0, -1, 'WITHSCORES');
    const counted: FrequentQuery[] = [];
    for (let i = 0; i + 1 < flat.length; i += 2)
      counted.push({ query: flat[i], count: Number(flat[i + 1]) });
    return counted
      .sort((a, b) => b.count - a.count || a.query.localeCompare(b.query))
      .slice(0, top);
  }

  /** All callers' figures, or only the tenant's own for a tenant-scoped caller. */
  async report(options: {
    collection?: string;
    tenant?: string;
    top?: number;
  }): Promise<SearchAnalyticsReply> {
    // This replica's reads count at once; other replicas' within RECORD_FLUSH_MS.
    await this.flush();
    const scope = this.scope(options.tenant);
    const top = options.top ?? DEFAULT_FREQUENT_QUERIES;
    const names =
      options.collection !== undefined
        ? [options.collection]
        : (await this.redis.smembers(this.collectionsKey(scope))).sort();
    const collections: CollectionSearchAnalytics[] = await Promise.all(
      names.map(async (collection) => ({
        collection,
        ...latencyBreakdown(await this.samples(scope, collection)),
        frequent_queries: await this.frequentQueries(scope, collection, top),
      })),
    );
    return {
      window: { samples: LATENCY_WINDOW_SAMPLES },
      query_log: this.config.VECTOR_QUERY_LOG,
      ...latencyBreakdown(await this.samples(scope)),
      collections,
    };
  }
}
