import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNumber,
  IsOptional,
  ValidateBy,
} from 'class-validator';
import { NestedObjects } from '../validation/nested-object';
import {
  CollectionField,
  FilterField,
  InCollection,
  LimitField,
  TenantField,
  TextField,
  VectorField,
  type PointRecord,
} from './vector-points.contract';

/**
 * `dense`: nearest by embedding; `keyword`: BM25 over the sparse keyword vectors; `hybrid`: both
 * legs fused by reciprocal rank fusion. Text queries default to hybrid where the collection
 * keeps keyword vectors, vector queries are always dense.
 */
export const SEARCH_MODES = ['dense', 'keyword', 'hybrid'] as const;
export type SearchMode = (typeof SEARCH_MODES)[number];

/** Most queries one batch search may carry. */
export const MAX_SEARCH_BATCH = 100;
/** Most points one batch search may return, all queries together (replies stay under 1 MB). */
export const MAX_BATCH_RESULTS = 1000;
/** Most payload fields `with_payload` may list. */
export const MAX_PAYLOAD_FIELDS = 100;

/** `with_payload`: all of it (true), none (false), or these fields. */
const IsPayloadSelector = () =>
  ValidateBy({
    name: 'isPayloadSelector',
    validator: {
      validate: (value) =>
        typeof value === 'boolean' ||
        (Array.isArray(value) &&
          value.length <= MAX_PAYLOAD_FIELDS &&
          value.every((field) => typeof field === 'string' && field.length > 0)),
      defaultMessage: () =>
        `with_payload must be true, false or a list of at most ${MAX_PAYLOAD_FIELDS} payload field names`,
    },
  });

/** One search: by vector, or by a text embedded with the collection's model. */
export class SearchQuery {
  @VectorField()
  vector?: number[];

  @TextField()
  text?: string;

  @IsOptional()
  @IsIn(SEARCH_MODES, { message: `mode must be one of ${SEARCH_MODES.join(', ')}` })
  mode?: SearchMode;

  @FilterField()
  filter?: Record<string, unknown>;

  @LimitField()
  limit = 10;

  /** Lowest score kept, in the mode's own scale (similarity, BM25 or fused RRF score). */
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  score_threshold?: number;

  @IsOptional()
  @IsPayloadSelector()
  with_payload?: boolean | string[];

  /** Return each hit's dense vector. */
  @IsOptional()
  @IsBoolean()
  with_vectors?: boolean;
}

/** Payload of `vector.points.search.v1`. */
export class SearchPointsRequest extends SearchQuery {
  @CollectionField()
  collection!: string;

  @TenantField()
  tenant?: string;
}

/** Payload of `vector.points.search-batch.v1`: several searches of one collection at once. */
export class SearchBatchRequest extends InCollection {
  @IsArray()
  @ArrayMinSize(1, { message: 'queries must hold at least one query' })
  @ArrayMaxSize(MAX_SEARCH_BATCH, {
    message: `queries must hold at most ${MAX_SEARCH_BATCH} queries`,
  })
  @NestedObjects(() => SearchQuery, 'queries')
  queries!: SearchQuery[];
}

export interface SearchResult {
  /** The mode that ran (the default one when the query named none). */
  mode: SearchMode;
  points: PointRecord[];
}

/** Reply of `vector.points.search-batch.v1`: one result per query, in the queries' order. */
export interface SearchBatchResult {
  results: SearchResult[];
}
