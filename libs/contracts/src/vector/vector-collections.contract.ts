import { Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsOptional, IsString, Matches, Max, Min } from 'class-validator';

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

export class CollectionRef {
  @Matches(COLLECTION_NAME, { message: COLLECTION_NAME_MESSAGE })
  name!: string;
}

/** Payload of `vector.collections.create.v1`: from an embedding model, or an explicit size and distance. */
export class CreateCollectionRequest extends CollectionRef {
  @IsOptional()
  @IsString()
  @Matches(/^[\w.:-]{1,100}$/, { message: 'model must be 1-100 letters, digits, . _ : -' })
  model?: string;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_VECTOR_DIMENSION, { message: `size must be at most ${MAX_VECTOR_DIMENSION}` })
  size?: number;

  @IsOptional()
  @IsIn(DISTANCES)
  distance?: VectorDistance;

  /** Field name → type; each becomes a payload index. */
  @IsOptional()
  @IsObject()
  payload_schema?: Record<string, PayloadFieldType>;
}

export interface CollectionInfo {
  name: string;
  size: number;
  distance: VectorDistance;
  /** The embedding model texts are embedded with; absent for collections of raw vectors. */
  model?: string;
  points_count: number;
  indexed_vectors_count: number;
  status: string;
  payload_schema: Record<string, string>;
}
