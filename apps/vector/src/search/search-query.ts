import type { QdrantClient } from '@qdrant/js-client-rest';
import {
  ErrorCode,
  KEYWORD_VECTOR,
  PlatformError,
  type SearchMode,
  type SearchQuery,
  type SparseVector,
} from '@aip/contracts';
import type { CollectionMeta } from '../collections/collections.service';

export type QueryRequest = Parameters<QdrantClient['query']>[1];

/** Each leg of a hybrid search ranks this many times top_k candidates for the fusion... */
export const HYBRID_PREFETCH_FACTOR = 4;
/** ...and never fewer than this, so a small top_k still fuses deep enough lists. */
export const HYBRID_PREFETCH_MIN = 50;

export function hybridPrefetchLimit(limit: number): number {
  return Math.max(limit * HYBRID_PREFETCH_FACTOR, HYBRID_PREFETCH_MIN);
}

/** What a query needs embedded before it can run. */
export interface QueryPlan {
  mode: SearchMode;
  /** The text to embed densely (absent for vector queries and keyword mode). */
  denseText?: string;
  /** The text to turn into a sparse keyword query (keyword and hybrid modes). */
  sparseText?: string;
}

/** Resolves a query's mode against its collection, refusing what the collection cannot do. */
export function planQuery(
  meta: CollectionMeta,
  collection: string,
  query: SearchQuery,
  where: string,
): QueryPlan {
  const fail = (message: string) =>
    new PlatformError(ErrorCode.ValidationFailed, `${where}${message}`);
  if (query.vector !== undefined && query.text !== undefined)
    throw fail('give either vector or text, not both');
  if (query.vector === undefined && query.text === undefined) throw fail('give vector or text');
  if (query.vector !== undefined) {
    if (query.mode !== undefined && query.mode !== 'dense')
      throw fail(
        `mode ${query.mode} needs a text query: a vector query searches the dense vectors only`,
      );
    return { mode: 'dense' };
  }
  const mode = query.mode ?? (meta.keyword ? 'hybrid' : 'dense');
  if (mode !== 'dense' && !meta.keyword)
    throw fail(
      `mode ${mode}: collection ${collection} has no keyword vectors (only collections created from an embedding model keep them); use mode dense`,
    );
  if (mode !== 'keyword' && !meta.model)
    throw fail(`collection ${collection} has no embedding model; search with a vector`);
  return {
    mode,
    ...(mode !== 'keyword' ? { denseText: query.text } : {}),
    ...(mode !== 'dense' ? { sparseText: query.text } : {}),
  };
}

/**
 * The Qdrant universal query for a planned search. Hybrid runs both legs as prefetches and
 * fuses their rankings with RRF. Its filter goes on each leg: the fusion only ranks what the
 * legs found, so every hit is within the filter without relying on how a store propagates a
 * top-level filter into prefetches.
 */
export function buildQuery(
  query: SearchQuery,
  mode: SearchMode,
  legs: { dense?: number[]; sparse?: SparseVector },
  filter: Record<string, unknown> | undefined,
): QueryRequest {
  const common = {
    limit: query.limit,
    score_threshold: query.score_threshold,
    with_payload: query.with_payload ?? true,
    with_vector: query.with_vectors ?? false,
  };
  if (mode === 'dense') return { ...common, filter, query: legs.dense! };
  if (mode === 'keyword') return { ...common, filter, query: legs.sparse!, using: KEYWORD_VECTOR };
  const prefetchLimit = hybridPrefetchLimit(query.limit);
  return {
    ...common,
    prefetch: [
      { query: legs.dense!, filter, limit: prefetchLimit },
      { query: legs.sparse!, using: KEYWORD_VECTOR, filter, limit: prefetchLimit },
    ],
    query: { fusion: 'rrf' },
  };
}
