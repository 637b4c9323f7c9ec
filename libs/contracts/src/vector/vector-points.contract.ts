import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { COLLECTION_NAME } from './vector-collections.contract';

/** Most points one write may carry. */
export const MAX_POINTS_PER_WRITE = 1000;
/** Largest top-k / page a read may ask for. */
export const MAX_LIMIT = 1000;
export const MAX_POINT_TEXT_CHARS = 16_384;

export type PointId = string | number;

/** Applies several property decorators as one (the same rules on several contracts). */
function rules(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
}

const VectorField = () =>
  rules(
    IsOptional(),
    IsArray(),
    IsNumber({ allowNaN: false, allowInfinity: false }, { each: true }),
  );
const TextField = () => rules(IsOptional(), IsString(), MaxLength(MAX_POINT_TEXT_CHARS));
const FilterField = () => rules(IsOptional(), IsObject());
const LimitField = () =>
  rules(
    Type(() => Number),
    IsInt(),
    Min(1),
    Max(MAX_LIMIT, { message: `limit must be at most ${MAX_LIMIT}` }),
  );

class InCollection {
  @Matches(COLLECTION_NAME, { message: 'collection must be 1-64 letters, digits, _ or -' })
  collection!: string;

  /** Set by the gateway from the caller's credential, never from a request body. */
  @IsOptional()
  @IsString()
  @MaxLength(128)
  tenant?: string;
}

export class PointInput {
  /** UUID or unsigned integer; a UUID is generated when absent. */
  @IsOptional()
  id?: PointId;

  @VectorField()
  vector?: number[];

  /** Embedded by the service with the collection's model when no vector is given. */
  @TextField()
  text?: string;

  @IsOptional()
  @IsObject()
  payload?: Record<string, unknown>;
}

export class UpsertPointsRequest extends InCollection {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_POINTS_PER_WRITE, {
    message: `points must hold at most ${MAX_POINTS_PER_WRITE} points`,
  })
  @ValidateNested({ each: true })
  @Type(() => PointInput)
  points!: PointInput[];
}

export class GetPointsRequest extends InCollection {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LIMIT)
  ids!: PointId[];
}

export class DeletePointsRequest extends InCollection {
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_POINTS_PER_WRITE)
  ids?: PointId[];

  @FilterField()
  filter?: Record<string, unknown>;
}

export class SearchPointsRequest extends InCollection {
  @VectorField()
  vector?: number[];

  @TextField()
  text?: string;

  @FilterField()
  filter?: Record<string, unknown>;

  @LimitField()
  limit = 10;

  @IsOptional()
  @IsNumber()
  score_threshold?: number;

  @IsOptional()
  @IsBoolean()
  with_vector?: boolean;
}

export class ScrollPointsRequest extends InCollection {
  @FilterField()
  filter?: Record<string, unknown>;

  @LimitField()
  limit = 100;

  @IsOptional()
  offset?: PointId;
}

export interface PointRecord {
  id: PointId;
  payload: Record<string, unknown>;
  vector?: number[];
  score?: number;
}

export interface UpsertResult {
  ids: PointId[];
  embedded: number;
}
