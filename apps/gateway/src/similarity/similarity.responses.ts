import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PointRecordDto } from '../vectors/points.responses';
import type { BatchSimilarResponse, FindSimilarResponse, SimilarityStats } from './similarity.dto';

export class FindSimilarResponseDto implements FindSimilarResponse {
  @ApiProperty()
  collection!: string;

  @ApiProperty({ type: [PointRecordDto], description: 'Most similar first' })
  results!: PointRecordDto[];

  @ApiProperty()
  search_time_ms!: number;
}

export class SimilarToQueryDto {
  @ApiProperty()
  query!: string;

  @ApiProperty({ type: [PointRecordDto] })
  results!: PointRecordDto[];
}

export class BatchSimilarResponseDto implements BatchSimilarResponse {
  @ApiProperty()
  collection!: string;

  @ApiProperty({ type: [SimilarToQueryDto], description: "One per query, in the queries' order" })
  results!: SimilarToQueryDto[];

  @ApiProperty()
  batch_time_ms!: number;
}

export class SimilarityStatsDto implements SimilarityStats {
  @ApiProperty()
  collection!: string;

  @ApiProperty({ description: "A tenant-scoped key's own points; all points otherwise" })
  points_count!: number;

  @ApiPropertyOptional({ description: 'Absent for tenant-scoped keys' })
  indexed_vectors_count?: number;

  @ApiProperty()
  status!: string;
}
