import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { NestedObject } from '../validation/nested-object';
import { CollectionField, TenantField } from '../vector/vector-points.contract';

/** Most documents one ingest request may carry. */
export const MAX_INGEST_DOCUMENTS = 1000;
/** Longest document text, in characters. */
export const MAX_DOCUMENT_CHARS = 200_000;
/** Most characters of text in one ingest request: its documents travel in one NATS message. */
export const MAX_INGEST_REQUEST_CHARS = 800_000;
export const MAX_SOURCE_UID_CHARS = 512;
export const DOCUMENT_TYPES = ['text', 'markdown', 'code'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];
/** Bounds on the chunk sizes a request may ask for, in tokens. */
export const MIN_CHUNK_TOKENS = 16;
export const MAX_CHUNK_TOKENS = 2000;
/**
 * The UUIDv5 namespace of every chunk id: UUIDv5 of JSON [source, source_uid, chunk_index]
 * (with the tenant first for a tenant's documents). Fixed forever, or every id changes.
 */
export const CHUNK_ID_NAMESPACE = '6f1b6c2e-53a4-4c1e-9a5e-1c0d7a2b9e41';
/** The source of documents posted to the ingest API when the request names none. */
export const DEFAULT_INGEST_SOURCE = 'api';
export const SOURCE_NAME = /^[a-zA-Z0-9_.:-]{1,64}$/;

export class ChunkingOptions {
  /** Largest chunk of plain text and markdown, in tokens (default 300). */
  @IsOptional()
  @IsInt()
  @Min(MIN_CHUNK_TOKENS)
  @Max(MAX_CHUNK_TOKENS, { message: `chunking.max_tokens must be at most ${MAX_CHUNK_TOKENS}` })
  max_tokens?: number;

  /** Tokens repeated from the end of one text chunk at the start of the next (default 50). */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_CHUNK_TOKENS)
  overlap_tokens?: number;

  /** Largest chunk of code, in tokens (default 500). */
  @IsOptional()
  @IsInt()
  @Min(MIN_CHUNK_TOKENS)
  @Max(MAX_CHUNK_TOKENS, {
    message: `chunking.code_max_tokens must be at most ${MAX_CHUNK_TOKENS}`,
  })
  code_max_tokens?: number;
}

/**
 * One document to ingest. Only the shape of the list is checked at the edge: a document that is
 * malformed inside fails alone, with its error in the job report, and the others are ingested.
 */
export interface IngestDocumentInput {
  source_uid: string;
  text: string;
  type?: DocumentType;
  language?: string;
  metadata?: Record<string, unknown>;
}

/** Payload of `sync.ingest.enqueue.v1`. */
export class IngestRequest {
  @CollectionField()
  collection!: string;

  @TenantField()
  tenant?: string;

  @IsOptional()
  @Matches(SOURCE_NAME, { message: 'source must be 1-64 letters, digits, _ . : or -' })
  source?: string;

  @IsArray()
  @ArrayMinSize(1, { message: 'documents must hold at least one document' })
  @ArrayMaxSize(MAX_INGEST_DOCUMENTS, {
    message: `documents must hold at most ${MAX_INGEST_DOCUMENTS} documents (MAX_INGEST_DOCUMENTS)`,
  })
  @IsObject({ each: true, message: 'each of documents must be an object' })
  documents!: IngestDocumentInput[];

  @IsOptional()
  @NestedObject(() => ChunkingOptions, 'chunking')
  chunking?: ChunkingOptions;
}

export class IngestJobRef {
  @IsString()
  @MaxLength(128)
  job_id!: string;

  @TenantField()
  tenant?: string;
}

/** Payload of `sync.reindex.v1`. */
export class ReindexRequest {
  @CollectionField()
  collection!: string;

  @IsString()
  @MaxLength(128)
  model!: string;
}

export const JOB_STATES = [
  'waiting',
  'active',
  'delayed',
  'completed',
  'failed',
  'cancelled',
] as const;
export type JobState = (typeof JOB_STATES)[number];

export interface DocumentError {
  source_uid: string;
  error: string;
}

export interface IngestCounts {
  documents: number;
  chunks: number;
  /** Chunks embedded and written: new or changed. */
  embedded: number;
  upserted: number;
  /** Chunks whose content was already stored: neither embedded nor written. */
  skipped: number;
  /** Old chunks removed: past a changed document's new end, or of removed documents. */
  deleted: number;
  /** Documents that failed; their errors are listed. */
  failed: number;
  errors: DocumentError[];
}

/** Reply of `sync.ingest.enqueue.v1` and `sync.reindex.v1`. */
export interface JobAccepted {
  job_id: string;
  state: JobState;
}

/** Reply of `sync.ingest.job.v1`. */
export interface IngestJobReport {
  job_id: string;
  kind: 'ingest' | 'reindex';
  collection: string;
  state: JobState;
  /** Percent done, 0-100. */
  progress: number;
  counts: IngestCounts;
  attempts: number;
  failed_reason?: string;
  created_at: string;
  finished_at?: string;
  duration_ms?: number;
  /** Reindex jobs: the collection being built and the model. */
  target_collection?: string;
  model?: string;
}
