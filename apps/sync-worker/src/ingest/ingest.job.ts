import type { IngestCounts } from '@aip/contracts';
import type { ChunkSettings } from '../chunking/chunk-settings';

/** Data of a job on QueueName.Ingest. */
export interface IngestJobData {
  collection: string;
  source: string;
  tenant?: string;
  /** How many documents the job has; they are kept by IngestDocuments, not in the data. */
  document_count: number;
  chunking: ChunkSettings;
}

/** Saved after every batch, so a job taken over after a crash resumes where it was. */
export interface IngestProgress {
  percent: number;
  documents_done: number;
  counts: IngestCounts;
}

/** An ingest request as a job: its data, and the documents kept beside it. */
export interface IngestJob {
  data: IngestJobData;
  /** Checked one by one when the job runs: a malformed document fails alone. */
  documents: unknown[];
}
