import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { rules, CollectionField, TenantField } from './vector-points.contract';
import type { VectorDistance } from './vector-collections.contract';

/**
 * What the vector service remembers of search queries for the most-frequent list: nothing,
 * HMAC-SHA256 prefixes of the normalised text under a server key (the default: counts without
 * the words), or the text.
 */
export const QUERY_LOG_MODES = ['off', 'hashed', 'stored'] as const;
export type QueryLogMode = (typeof QUERY_LOG_MODES)[number];

/** Latency percentiles are taken over the last this many cached reads (overall and per collection). */
export const LATENCY_WINDOW_SAMPLES = 10_000;
/** Most frequent queries one analytics reply may list per collection. */
export const MAX_FREQUENT_QUERIES = 100;

/** Payload of `vector.analytics.collections.v1`. */
export class CollectionAnalyticsRequest {
  /** One collection; all of them when absent. */
  @IsOptional()
  @CollectionField()
  collection?: string;

  /** A tenant sees its own point count and no collection-wide counts. */
  @TenantField()
  tenant?: string;
}

/**
 * Payload of `vector.analytics.search.v1`. With a tenant, every figure (latencies, collections,
 * frequent queries) is of that tenant's own searches.
 */
export class SearchAnalyticsRequest extends CollectionAnalyticsRequest {
  /** How many frequent queries to list per collection. */
  @IsOptional()
  @rules(
    IsInt(),
    Min(0),
    Max(MAX_FREQUENT_QUERIES, { message: `top must be at most ${MAX_FREQUENT_QUERIES}` }),
  )
  top?: number;
}

export interface PayloadFieldAnalytics {
  /** The index type (keyword, integer, text...). */
  type: string;
  /** Points carrying the field in its index; absent for tenant-scoped callers. */
  points?: number;
}

export interface CollectionAnalytics {
  name: string;
  /** All points, or the tenant's own points for a tenant-scoped caller. */
  points_count: number;
  dimension: number;
  distance: VectorDistance;
  model?: string;
  /** Absent for tenant-scoped callers (it would tell the collection's total size). */
  indexed_vectors_count?: number;
  /** indexed_vectors_count / points_count of the whole collection, 0..1 (1 when empty). */
  indexed_share: number;
  status: string;
  payload_fields: Record<string, PayloadFieldAnalytics>;
}

/** Reply of `vector.analytics.collections.v1`. */
export interface CollectionAnalyticsReply {
  /** `tenant`: counts are the caller's tenant's own. */
  scope: 'all' | 'tenant';
  collections: CollectionAnalytics[];
}

export interface LatencyPercentiles {
  samples: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
}

export interface LatencyReport {
  all: LatencyPercentiles;
  cache_hit: LatencyPercentiles;
  cache_miss: LatencyPercentiles;
  /** Share of the window's reads answered from the search cache, 0..1. */
  cache_hit_ratio: number;
}

export interface FrequentQuery {
  /** The normalised text (VECTOR_QUERY_LOG=stored) or `hmac:<prefix>` (hashed). */
  query: string;
  /** Times asked; an upper bound once the collection's bounded list has had to evict. */
  count: number;
}

export interface SearchAnalytics {
  latency: LatencyReport;
  /** The same by operation: search, search-batch, recommend, cluster. */
  by_operation: Record<string, LatencyReport>;
}

export interface CollectionSearchAnalytics extends SearchAnalytics {
  collection: string;
  /** Most frequent queries, the caller's tenant's own for a tenant-scoped caller. */
  frequent_queries: FrequentQuery[];
}

/** Reply of `vector.analytics.search.v1`: all callers' searches, or the tenant's own. */
export interface SearchAnalyticsReply extends SearchAnalytics {
  /** Percentiles cover the last `samples` successful cached reads, overall and per collection. */
  window: { samples: number };
  query_log: QueryLogMode;
  collections: CollectionSearchAnalytics[];
}
