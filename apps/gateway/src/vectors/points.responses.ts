import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  SEARCH_MODES,
  type DeleteResult,
  type PointId,
  type PointList,
  type PointRecord,
  type ScrollPage,
  type SearchBatchResult,
  type SearchMode,
  type SearchResult,
  type UpsertResult,
} from '@aip/contracts';

/** A point id as Qdrant keeps it: a UUID string or an unsigned integer. */
export const POINT_ID_SCHEMA = {
  oneOf: [{ type: 'string' }, { type: 'integer', minimum: 0 }],
};

export class PointRecordDto implements PointRecord {
  @ApiProperty(POINT_ID_SCHEMA)
  id!: PointId;

  @ApiProperty({ type: 'object', additionalProperties: true })
  payload!: Record<string, unknown>;

  @ApiPropertyOptional({ type: [Number], description: 'The dense vector, when asked for' })
  vector?: number[];

  @ApiPropertyOptional({ description: 'How well it matched, in the scale of the search mode' })
  score?: number;
}

export class PointListDto implements PointList {
  @ApiProperty({ type: [PointRecordDto] })
  points!: PointRecordDto[];
}

export class UpsertResultDto implements UpsertResult {
  @ApiProperty({ type: 'array', items: POINT_ID_SCHEMA, description: 'The ids, in order' })
  ids!: PointId[];

  @ApiProperty({ description: 'How many of the points had their text embedded' })
  embedded!: number;
}

export class DeleteResultDto implements DeleteResult {
  @ApiProperty({ description: 'How many points went' })
  deleted!: number;
}

export class ScrollPageDto implements ScrollPage {
  @ApiProperty({ type: [PointRecordDto] })
  points!: PointRecordDto[];

  @ApiProperty({
    oneOf: [
      { type: 'string', nullable: true },
      { type: 'integer', minimum: 0 },
    ],
    description: 'Where the next page starts: the offset to ask for; null after the last page',
  })
  next_offset!: PointId | null;
}

export class SearchResultDto implements SearchResult {
  @ApiProperty({ enum: SEARCH_MODES, description: 'The mode that ran' })
  mode!: SearchMode;

  @ApiProperty({ type: [PointRecordDto], description: 'Best match first' })
  points!: PointRecordDto[];
}

export class SearchBatchResultDto implements SearchBatchResult {
  @ApiProperty({ type: [SearchResultDto], description: "One per query, in the queries' order" })
  results!: SearchResultDto[];
}
