import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateBy,
} from 'class-validator';
import { NestedObjects } from '../validation/nested-object';
import { IsPointFilter } from './point-filter';
import { COLLECTION_NAME } from './vector-collections.contract';

/** Most points one write may carry. */
export const MAX_POINTS_PER_WRITE = 1000;
/** Largest top-k / page a read may ask for. */
export const MAX_LIMIT = 1000;
export const MAX_POINT_TEXT_CHARS = 16_384;

export type PointId = string | number;

/** Applies several property decorators as one (the same rules on several contracts). */
export function rules(...decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => decorators.forEach((decorate) => decorate(target, key));
}

export const VectorField = () =>
  rules(
    IsOptional(),
    IsArray(),
    IsNumber({ allowNaN: false, allowInfinity: false }, { each: true }),
  );
export const TextField = () => rules(IsOptional(), IsString(), MaxLength(MAX_POINT_TEXT_CHARS));
export const FilterField = () => rules(IsOptional(), IsPointFilter());
export const PayloadField = () => rules(IsOptional(), IsObject());
export const LimitField = () =>
  rules(IsInt(), Min(1), Max(MAX_LIMIT, { message: `limit must be at most ${MAX_LIMIT}` }));

export const CollectionField = () =>
  Matches(COLLECTION_NAME, { message: 'collection must be 1-64 letters, digits, _ or -' });
/** Set by the gateway from the caller's credential, never from a request body. */
export const TenantField = () => rules(IsOptional(), IsString(), MaxLength(128));

/** A UUID string or an unsigned integer, as Qdrant takes point ids. */
const IsPointId = () =>
  ValidateBy({
    name: 'isPointId',
    validator: {
      validate: (value) =>
        (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) ||
        (typeof value === 'string' &&
          /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i.test(value)),
      defaultMessage: (args) => `${args?.property ?? 'id'} must be a UUID or an unsigned integer`,
    },
  });

export class InCollection {
  @CollectionField()
  collection!: string;

  @TenantField()
  tenant?: string;
}

export class PointInput {
  /** UUID or unsigned integer; a UUID is generated when absent. */
  @IsOptional()
  @IsPointId()
  id?: PointId;

  @VectorField()
  vector?: number[];

  /** Embedded by the service with the collection's model when no vector is given. */
  @TextField()
  text?: string;

  @PayloadField()
  payload?: Record<string, unknown>;
}

export class UpsertPointsRequest extends InCollection {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_POINTS_PER_WRITE, {
    message: `points must hold at most ${MAX_POINTS_PER_WRITE} points`,
  })
  @NestedObjects(() => PointInput, 'points')
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

export class ScrollPointsRequest extends InCollection {
  @FilterField()
  filter?: Record<string, unknown>;

  @LimitField()
  limit = 100;

  @IsOptional()
  @IsPointId()
  offset?: PointId;
}

export interface PointRecord {
  id: PointId;
  payload: Record<string, unknown>;
  vector?: number[];
  score?: number;
}

/**
 * Payload of `vector.points.update.v1`: a changed text is embedded again (dense and keyword
 * vectors), a vector replaces the stored one, and the payload is merged into the stored one
 * (the fields given replace theirs; the others stay).
 */
export class UpdatePointRequest extends InCollection {
  @IsDefined({ message: 'id is required' })
  @IsPointId()
  id!: PointId;

  @VectorField()
  vector?: number[];

  @TextField()
  text?: string;

  @PayloadField()
  payload?: Record<string, unknown>;
}

export interface UpsertResult {
  ids: PointId[];
  embedded: number;
}

/** Reply of `vector.points.get.v1` and `vector.points.recommend.v1`. */
export interface PointList {
  points: PointRecord[];
}

/** Reply of `vector.points.delete.v1`: how many points went. */
export interface DeleteResult {
  deleted: number;
}

/** Reply of `vector.points.scroll.v1`: one page, and where the next starts (null at the end). */
export interface ScrollPage {
  points: PointRecord[];
  next_offset: PointId | null;
}
