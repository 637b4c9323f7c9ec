import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  JOB_STATES,
  type DocumentError,
  type IngestCounts,
  type IngestJobReport,
  type JobAccepted,
  type JobState,
} from '@aip/contracts';

const JOB_KINDS = ['ingest', 'reindex'] as const;

/** A queued job, to follow at `GET /api/v1/ingest/jobs/{job_id}`. */
export class JobAcceptedDto implements JobAccepted {
  @ApiProperty()
  job_id!: string;

  @ApiProperty({ enum: JOB_STATES })
  state!: JobState;
}

export class DocumentErrorDto implements DocumentError {
  @ApiProperty()
  source_uid!: string;

  @ApiProperty()
  error!: string;
}

export class IngestCountsDto implements IngestCounts {
  @ApiProperty()
  documents!: number;

  @ApiProperty()
  chunks!: number;

  @ApiProperty({ description: 'Chunks embedded and written: new or changed' })
  embedded!: number;

  @ApiProperty()
  upserted!: number;

  @ApiProperty({ description: 'Chunks already stored with the same content' })
  skipped!: number;

  @ApiProperty({ description: 'Old chunks removed' })
  deleted!: number;

  @ApiProperty({ description: 'Documents that failed; their errors are listed' })
  failed!: number;

  @ApiProperty({ type: [DocumentErrorDto] })
  errors!: DocumentErrorDto[];
}

export class IngestJobReportDto implements IngestJobReport {
  @ApiProperty()
  job_id!: string;

  @ApiProperty({ enum: JOB_KINDS })
  kind!: (typeof JOB_KINDS)[number];

  @ApiProperty()
  collection!: string;

  @ApiProperty({ enum: JOB_STATES })
  state!: JobState;

  @ApiProperty({ minimum: 0, maximum: 100, description: 'Percent done' })
  progress!: number;

  @ApiProperty({ type: IngestCountsDto })
  counts!: IngestCountsDto;

  @ApiProperty()
  attempts!: number;

  @ApiPropertyOptional()
  failed_reason?: string;

  @ApiProperty({ format: 'date-time' })
  created_at!: string;

  @ApiPropertyOptional({ format: 'date-time' })
  finished_at?: string;

  @ApiPropertyOptional()
  duration_ms?: number;

  @ApiPropertyOptional({ description: 'Reindex jobs: the collection being built' })
  target_collection?: string;

  @ApiPropertyOptional({ description: 'Reindex jobs: the model it is built with' })
  model?: string;
}
