import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import {
  LATENCY_WINDOW_SAMPLES,
  type CollectionSearchAnalytics,
  type FrequentQuery,
  type SearchAnalyticsReply,
} from '@aip/contracts';
import { REDIS } from '@aip/platform';
import { storeNamespace } from '../cache/cache-key';
import { VectorConfig } from '../config/vector.config';
import { decodeSample, encodeSample, latencyBreakdown, type LatencySample } from './latency-window';
import { loggedQuery } from './query-text';

/** Distinct queries tracked per collection (all tenants together). */
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

/** A tracked member is `[tenant, query]` as JSON ("" for callers without a tenant). */
function member(tenant: string | undefined, query: string): string {
  return JSON.stringify([tenant ?? '', query]);
}

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
 */
@Injectable()
export class SearchStats implements OnApplicationShutdown {
  private readonly namespace: string;
  /** Reads timed since the last flush: one Redis round trip for many searches, not one each. */
  private pending: TimedRead[] = [];
  private flushTimer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: VectorConfig,
  ) {
    this.namespace = storeNamespace(config.QDRANT_URL);
  }

  private latencyKey(collection?: string): string {
    return collection === undefined
      ? `${this.namespace}:lat`
      : `${this.namespace}:lat:${collection}`;
  }

  private queriesKey(collection: string): string {
    return `${this.namespace}:q:${collection}`;
  }

  private get collectionsKey(): string {
    return `${this.namespace}:searched`;
  }

  record(read: TimedRead): void {
    this.pending.push(read);
    if (this.pending.length >= RECORD_FLUSH_SIZE) void this.flush();
    else if (!this.flushTimer) {
      this.flushTimer = setTimeout(() => void this.flush(), RECORD_FLUSH_MS);
      this.flushTimer.unref();
    }
  }

  /** Writes the waiting reads; newest samples end up first in each window, as one by one. */
  flush(): Promise<unknown> {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const reads = this.pending;
    this.pending = [];
    if (reads.length === 0) return Promise.resolve();
    const pipeline = this.redis.pipeline();
    const samples = new Map<string, string[]>();
    const add = (key: string, sample: string) =>
      samples.set(key, [...(samples.get(key) ?? []), sample]);
    const collections = new Set<string>();
    for (const read of reads) {
      const sample = encodeSample(read);
      add(this.latencyKey(), sample);
      add(this.latencyKey(read.collection), sample);
      collections.add(read.collection);
      for (const text of read.texts) {
        const query = loggedQuery(text, this.config.VECTOR_QUERY_LOG);
        if (query === undefined) continue;
        pipeline.eval(
          COUNT_QUERY_SCRIPT,
          1,
          this.queriesKey(read.collection),
          member(read.tenant, query),
          MAX_TRACKED_QUERIES,
        );
      }
    }
    for (const [key, values] of samples)
      pipeline.lpush(key, ...values).ltrim(key, 0, LATENCY_WINDOW_SAMPLES - 1);
    pipeline.sadd(this.collectionsKey, ...collections);
    // Recording never waits on or fails a search.
    return pipeline.exec().catch(() => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.flush();
  }

  private async samples(collection?: string): Promise<LatencySample[]> {
    const encoded = await this.redis.lrange(this.latencyKey(collection), 0, -1);
    return encoded.map(decodeSample).filter((s): s is LatencySample => s !== undefined);
  }

  /**
   * Most frequent queries of a collection; a tenant-scoped caller sees only its own tenant's.
   * The same query asked by several tenants is one row for an unscoped caller.
   */
  private async frequentQueries(
    collection: string,
    tenant: string | undefined,
    top: number,
  ): Promise<FrequentQuery[]> {
    if (top === 0) return [];
    const flat = await this.redis.zrevrange(this.queriesKey(collection), 0, -1, 'WITHSCORES');
    const counts = new Map<string, number>();
    for (let i = 0; i + 1 < flat.length; i += 2) {
      const [owner, query] = JSON.parse(flat[i]) as [string, string];
      if (tenant !== undefined && owner !== tenant) continue;
      counts.set(query, (counts.get(query) ?? 0) + Number(flat[i + 1]));
    }
    return [...counts.entries()]
      .map(([query, count]) => ({ query, count }))
      .sort((a, b) => b.count - a.count || a.query.localeCompare(b.query))
      .slice(0, top);
  }

  async report(options: {
    collection?: string;
    tenant?: string;
    top?: number;
  }): Promise<SearchAnalyticsReply> {
    // This replica's reads count at once; other replicas' within RECORD_FLUSH_MS.
    await this.flush();
    const top = options.top ?? DEFAULT_FREQUENT_QUERIES;
    const names =
      options.collection !== undefined
        ? [options.collection]
        : (await this.redis.smembers(this.collectionsKey)).sort();
    const collections: CollectionSearchAnalytics[] = await Promise.all(
      names.map(async (collection) => ({
        collection,
        ...latencyBreakdown(await this.samples(collection)),
        frequent_queries: await this.frequentQueries(collection, options.tenant, top),
      })),
    );
    return {
      window: { samples: LATENCY_WINDOW_SAMPLES },
      query_log: this.config.VECTOR_QUERY_LOG,
      ...latencyBreakdown(await this.samples()),
      collections,
    };
  }
}
