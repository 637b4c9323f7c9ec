import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import {
  COLLECTION_NAME,
  MAX_POINT_TEXT_CHARS,
  MAX_SEARCH_BATCH,
  SEARCH_MODES,
  type PointRecord,
  type SearchMode,
} from '@aip/contracts';
import { TopK } from '../vectors/vectors.dto';

const COLLECTION_MESSAGE = 'collection must be 1-64 letters, digits, _ or -';

/** What every similarity request may set besides its text(s). */
export class SimilarityOptions {
  @TopK()
  top_k?: number;

  /** Lowest score kept: cosine similarity in the default dense mode. */
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  threshold?: number;

  /** GATEWAY_DEFAULT_COLLECTION when absent. */
  @IsOptional()
  @Matches(COLLECTION_NAME, { message: COLLECTION_MESSAGE })
  collection?: string;

  /** Dense by default, so `threshold` and the scores are similarities. */
  @IsOptional()
  @IsIn(SEARCH_MODES, { message: `mode must be one of ${SEARCH_MODES.join(', ')}` })
  mode?: SearchMode;
}

export class FindSimilarDto extends SimilarityOptions {
  @IsString()
  @MinLength(1, { message: 'query must not be empty' })
  @MaxLength(MAX_POINT_TEXT_CHARS, {
    message: `query must be at most ${MAX_POINT_TEXT_CHARS} characters`,
  })
  query!: string;
}

export class BatchSimilarDto extends SimilarityOptions {
  @IsArray()
  @ArrayMinSize(1, { message: 'queries must hold at least one query' })
  @ArrayMaxSize(MAX_SEARCH_BATCH, {
    message: `queries must hold at most ${MAX_SEARCH_BATCH} queries`,
  })
  @IsString({ each: true })
  @MinLength(1, { each: true, message: 'each query must not be empty' })
  @MaxLength(MAX_POINT_TEXT_CHARS, {
    each: true,
    message: `each query must be at most ${MAX_POINT_TEXT_CHARS} characters`,
  })
  queries!: string[];
}

export class StatsQueryDto {
  @IsOptional()
  @Matches(COLLECTION_NAME, { message: COLLECTION_MESSAGE })
  collection?: string;
}

export interface FindSimilarResponse {
  collection: string;
  results: PointRecord[];
  search_time_ms: number;
}

export interface BatchSimilarResponse {
  collection: string;
  results: { query: string; results: PointRecord[] }[];
  batch_time_ms: number;
}

export interface SimilarityStats {
  collection: string;
  /** A tenant-scoped key's own points; all points otherwise. */
  points_count: number;
  /** Absent for tenant-scoped keys: it counts every tenant's points. */
  indexed_vectors_count?: number;
  status: string;
}
