import { ApiProperty } from '@nestjs/swagger';
import {
  SOURCE_KINDS,
  SOURCE_STATES,
  type SourceCounts,
  type SourceInfo,
  type SourceKind,
  type SourceListReply,
  type SourceRemoved,
  type SourceState,
} from '@aip/contracts';

const SOURCE_ORIGINS = ['api', 'file'] as const;

export class SourceCountsDto implements SourceCounts {
  @ApiProperty({ description: 'Change events seen (watch events, changed files, changed rows)' })
  events!: number;

  @ApiProperty({ description: 'Documents written, new or changed' })
  upserted!: number;

  @ApiProperty({ description: 'Documents removed' })
  removed!: number;

  @ApiProperty()
  chunks_embedded!: number;

  @ApiProperty({ description: 'Chunks skipped as unchanged' })
  chunks_skipped!: number;

  @ApiProperty({ description: 'Writes that failed and were retried' })
  failed!: number;
}

export class SourceInfoDto implements SourceInfo {
  @ApiProperty()
  id!: string;

  @ApiProperty({ enum: SOURCE_KINDS })
  kind!: SourceKind;

  @ApiProperty()
  collection!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'As given; empty for callers without sources:manage',
  })
  settings!: Record<string, unknown>;

  @ApiProperty({ enum: SOURCE_STATES })
  state!: SourceState;

  @ApiProperty({ type: String, nullable: true })
  last_error!: string | null;

  @ApiProperty({ type: SourceCountsDto })
  counts!: SourceCountsDto;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  last_event_at!: string | null;

  @ApiProperty({
    enum: SOURCE_ORIGINS,
    description: 'api: added through the gateway; file: from SYNC_SOURCES_FILE',
  })
  origin!: (typeof SOURCE_ORIGINS)[number];

  @ApiProperty({ format: 'date-time' })
  created_at!: string;
}

export class SourceListDto implements SourceListReply {
  @ApiProperty({ type: [SourceInfoDto] })
  sources!: SourceInfoDto[];
}

export class SourceRemovedDto implements SourceRemoved {
  @ApiProperty()
  id!: string;

  @ApiProperty({ description: 'Chunks deleted from the collection (0 with keep_documents)' })
  chunks_deleted!: number;
}
