import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
} from 'class-validator';
import { NestedObject } from '../validation/nested-object';

export const DISTANCES = ['Cosine', 'Dot', 'Euclid', 'Manhattan'] as const;
export type VectorDistance = (typeof DISTANCES)[number];
export const PAYLOAD_FIELD_TYPES = [
  'keyword',
  'integer',
  'float',
  'bool',
  'datetime',
  'text',
  'geo',
  'uuid',
] as const;
export type PayloadFieldType = (typeof PAYLOAD_FIELD_TYPES)[number];

/** Largest vector dimension a collection may declare. */
export const MAX_VECTOR_DIMENSION = 65_536;
export const COLLECTION_NAME = /^[a-zA-Z0-9_-]{1,64}$/;
const COLLECTION_NAME_MESSAGE = 'name must be 1-64 letters, digits, _ or -';
/** A payload field path: nested keys with dots, array elements with []. */
export const PAYLOAD_FIELD_NAME = /^[\w.[\]-]{1,128}$/;
/** Most payload indexes one request may add or remove. */
export const MAX_PAYLOAD_INDEXES = 64;
/** Bounds of the HNSW settings a collection may be given. */
export const MAX_HNSW_M = 128;
export const MIN_HNSW_EF_CONSTRUCT = 4;
export const MAX_HNSW_EF_CONSTRUCT = 2048;
/** Largest indexing threshold (KB of vectors a segment holds before it is indexed). */
export const MAX_INDEXING_THRESHOLD = 100_000_000;
export const QUANTIZATION_MODES = ['scalar', 'none'] as const;
export type QuantizationMode = (typeof QUANTIZATION_MODES)[number];

/** Field name → payload index type, within MAX_PAYLOAD_INDEXES fields. */
function IsPayloadSchema(): PropertyDecorator {
  return ValidateBy({
    name: 'isPayloadSchema',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        Object.keys(value).length <= MAX_PAYLOAD_INDEXES &&
        Object.entries(value).every(
          ([field, type]) =>
            PAYLOAD_FIELD_NAME.test(field) &&
            PAYLOAD_FIELD_TYPES.includes(type as PayloadFieldType),
        ),
      defaultMessage: (args) =>
        `${args?.property} must map at most ${MAX_PAYLOAD_INDEXES} field names (letters, digits, _ . - []) to one of ${PAYLOAD_FIELD_TYPES.join(', ')}`,
    },
  });
}

export class CollectionName {
  @Matches(COLLECTION_NAME, { message: COLLECTION_NAME_MESSAGE })
  name!: string;
}

/** Payload of `vector.collections.get.v1` and `vector.collections.delete.v1`. */
export class CollectionRef extends CollectionName {
  /**
   * The caller's tenant: the details count its own points only. (TenantField's rules, spelled
   * out: the points contract imports this file.)
   */
  @IsOptional()
  @IsString()
  @MaxLength(128)
  tenant?: string;
}

/** Payload of `vector.collections.create.v1`: from an embedding model, or an explicit size and distance. */
export class CreateCollectionRequest extends CollectionName {
  @IsOptional()
  @IsString()
  @Matches(/^[\w.:-]{1,100}$/, { message: 'model must be 1-100 letters, digits, . _ : -' })
  model?: string;

  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_VECTOR_DIMENSION, { message: `size must be at most ${MAX_VECTOR_DIMENSION}` })
  size?: number;

  @IsOptional()
  @IsIn(DISTANCES)
  distance?: VectorDistance;

  /** Field name → type; each becomes a payload index. */
  @IsOptional()
  @IsPayloadSchema()
  payload_schema?: Record<string, PayloadFieldType>;
}

export class HnswSettings {
  /** Edges per node of the graph: more is more accurate and larger. 0 turns the graph off. */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_HNSW_M, { message: `hnsw_config.m must be at most ${MAX_HNSW_M}` })
  m?: number;

  @IsOptional()
  @IsInt()
  @Min(MIN_HNSW_EF_CONSTRUCT, {
    message: `hnsw_config.ef_construct must be at least ${MIN_HNSW_EF_CONSTRUCT}`,
  })
  @Max(MAX_HNSW_EF_CONSTRUCT, {
    message: `hnsw_config.ef_construct must be at most ${MAX_HNSW_EF_CONSTRUCT}`,
  })
  ef_construct?: number;
}

export class OptimizerSettings {
  /** KB of vectors a segment holds before it is indexed; 0 turns indexing off. */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_INDEXING_THRESHOLD, {
    message: `optimizers_config.indexing_threshold must be at most ${MAX_INDEXING_THRESHOLD}`,
  })
  indexing_threshold?: number;
}

/**
 * Payload of `vector.collections.update.v1`: the settings Qdrant lets one change on a live
 * collection. Size, distance and model are fixed at creation.
 */
export class UpdateCollectionRequest extends CollectionName {
  @IsOptional()
  @NestedObject(() => HnswSettings, 'hnsw_config')
  hnsw_config?: HnswSettings;

  @IsOptional()
  @NestedObject(() => OptimizerSettings, 'optimizers_config')
  optimizers_config?: OptimizerSettings;

  /** `scalar`: int8 scalar quantization (4x less memory, rescored); `none`: full vectors only. */
  @IsOptional()
  @IsIn(QUANTIZATION_MODES)
  quantization?: QuantizationMode;

  /** Field name → type: payload indexes to create. */
  @IsOptional()
  @IsPayloadSchema()
  add_payload_indexes?: Record<string, PayloadFieldType>;

  /** Field names whose payload indexes to drop. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_PAYLOAD_INDEXES, {
    message: `remove_payload_indexes must hold at most ${MAX_PAYLOAD_INDEXES} fields`,
  })
  @Matches(PAYLOAD_FIELD_NAME, {
    each: true,
    message: 'remove_payload_indexes must hold field names (letters, digits, _ . - [])',
  })
  remove_payload_indexes?: string[];
}

/** The tunable settings of a collection, as details show them. */
export interface CollectionSettings {
  hnsw_config: { m: number; ef_construct: number };
  optimizers_config: { indexing_threshold: number | null };
  quantization: QuantizationMode | 'product' | 'binary';
}

export interface CollectionInfo {
  name: string;
  size: number;
  distance: VectorDistance;
  /** The embedding model texts are embedded with; absent for collections of raw vectors. */
  model?: string;
  /** All points, or the tenant's own points for a tenant-scoped caller. */
  points_count: number;
  /** Absent for tenant-scoped callers: it counts every tenant's points. */
  indexed_vectors_count?: number;
  status: string;
  /** Indexed payload fields and their index types, as Qdrant reports them. */
  payload_schema: Record<string, PayloadFieldType>;
  config: CollectionSettings;
}

/** Reply of `vector.collections.list.v1`: collection names. */
export interface CollectionList {
  collections: string[];
}

/** Reply of `vector.collections.delete.v1`. */
export interface CollectionDeleted {
  deleted: boolean;
}
