import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import {
  DISTANCES,
  QUERY_LOG_MODES,
  type CollectionAnalytics,
  type CollectionAnalyticsReply,
  type CollectionSearchAnalytics,
  type FrequentQuery,
  type LatencyPercentiles,
  type LatencyReport,
  type PayloadFieldAnalytics,
  type QueryLogMode,
  type SearchAnalyticsReply,
  type VectorDistance,
} from '@aip/contracts';

const SCOPES = ['all', 'tenant'] as const;

export class PayloadFieldAnalyticsDto implements PayloadFieldAnalytics {
  @ApiProperty({ description: 'The index type (keyword, integer, text...)' })
  type!: string;

  @ApiPropertyOptional({ description: 'Points carrying the field; absent for tenant-scoped keys' })
  points?: number;
}

export class CollectionAnalyticsDto implements CollectionAnalytics {
  @ApiProperty()
  name!: string;

  @ApiProperty({ description: "All points, or a tenant-scoped caller's own" })
  points_count!: number;

  @ApiProperty()
  dimension!: number;

  @ApiProperty({ enum: DISTANCES })
  distance!: VectorDistance;

  @ApiPropertyOptional()
  model?: string;

  @ApiPropertyOptional({ description: 'Absent for tenant-scoped keys' })
  indexed_vectors_count?: number;

  @ApiProperty({ minimum: 0, maximum: 1, description: 'Indexed share of the collection' })
  indexed_share!: number;

  @ApiProperty()
  status!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(PayloadFieldAnalyticsDto) },
    description: 'Each indexed payload field by name',
  })
  payload_fields!: Record<string, PayloadFieldAnalyticsDto>;
}

export class CollectionAnalyticsReplyDto implements CollectionAnalyticsReply {
  @ApiProperty({ enum: SCOPES, description: "tenant: the counts are the caller's tenant's own" })
  scope!: (typeof SCOPES)[number];

  @ApiProperty({ type: [CollectionAnalyticsDto] })
  collections!: CollectionAnalyticsDto[];
}

export class LatencyPercentilesDto implements LatencyPercentiles {
  @ApiProperty()
  samples!: number;

  @ApiProperty()
  p50_ms!: number;

  @ApiProperty()
  p95_ms!: number;

  @ApiProperty()
  p99_ms!: number;
}

export class LatencyReportDto implements LatencyReport {
  @ApiProperty({ type: LatencyPercentilesDto })
  all!: LatencyPercentilesDto;

  @ApiProperty({ type: LatencyPercentilesDto })
  cache_hit!: LatencyPercentilesDto;

  @ApiProperty({ type: LatencyPercentilesDto })
  cache_miss!: LatencyPercentilesDto;

  @ApiProperty({ minimum: 0, maximum: 1 })
  cache_hit_ratio!: number;
}

export class FrequentQueryDto implements FrequentQuery {
  @ApiProperty({ description: 'The normalised text, or hmac:<prefix> when queries are hashed' })
  query!: string;

  @ApiProperty()
  count!: number;
}

const BY_OPERATION = {
  type: 'object',
  additionalProperties: { $ref: getSchemaPath(LatencyReportDto) },
  description: 'The same by operation: search, search-batch, recommend, cluster',
} as const;

export class CollectionSearchAnalyticsDto implements CollectionSearchAnalytics {
  @ApiProperty()
  collection!: string;

  @ApiProperty({ type: LatencyReportDto })
  latency!: LatencyReportDto;

  @ApiProperty(BY_OPERATION)
  by_operation!: Record<string, LatencyReportDto>;

  @ApiProperty({ type: [FrequentQueryDto] })
  frequent_queries!: FrequentQueryDto[];
}

export class AnalyticsWindowDto {
  @ApiProperty({ description: 'Successful cached reads the percentiles are taken over, at most' })
  samples!: number;
}

export class SearchAnalyticsReplyDto implements SearchAnalyticsReply {
  @ApiProperty({ type: AnalyticsWindowDto })
  window!: AnalyticsWindowDto;

  @ApiProperty({ enum: QUERY_LOG_MODES })
  query_log!: QueryLogMode;

  @ApiProperty({ type: LatencyReportDto })
  latency!: LatencyReportDto;

  @ApiProperty(BY_OPERATION)
  by_operation!: Record<string, LatencyReportDto>;

  @ApiProperty({ type: [CollectionSearchAnalyticsDto] })
  collections!: CollectionSearchAnalyticsDto[];
}
