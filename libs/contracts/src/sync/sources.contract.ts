import { IsBoolean, IsIn, IsObject, IsOptional, Matches } from 'class-validator';
import { CollectionField } from '../vector/vector-points.contract';

export const SOURCE_KINDS = ['kubernetes', 'postgres', 'directory'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
export const SOURCE_STATES = ['running', 'paused', 'failed'] as const;
export type SourceState = (typeof SOURCE_STATES)[number];
/** Source ids name the `source` of every chunk they write, so they follow its rule. */
export const SOURCE_ID = /^[a-zA-Z0-9_-]{1,64}$/;
const SOURCE_ID_MESSAGE = 'id must be 1-64 letters, digits, _ or -';

/**
 * Payload of `sync.sources.add.v1`. `settings` name what the sync-worker's operator declared
 * (`directory`, `database` or `cluster`) and narrow it; the sync-worker checks them per kind and
 * takes no path, URL, token file or SQL from a request.
 */
export class AddSourceRequest {
  @Matches(SOURCE_ID, { message: SOURCE_ID_MESSAGE })
  id!: string;

  @IsIn(SOURCE_KINDS, { message: `kind must be one of: ${SOURCE_KINDS.join(', ')}` })
  kind!: SourceKind;

  @CollectionField()
  collection!: string;

  @IsOptional()
  @IsObject({ message: 'settings must be an object' })
  settings?: Record<string, unknown>;
}

/** Payload of `sync.sources.pause.v1` and `sync.sources.resume.v1`. */
export class SourceRef {
  @Matches(SOURCE_ID, { message: SOURCE_ID_MESSAGE })
  id!: string;
}

/** Payload of `sync.sources.remove.v1`. */
export class RemoveSourceRequest extends SourceRef {
  /** Leave the documents the source wrote in its collection (default: remove them). */
  @IsOptional()
  @IsBoolean({ message: 'keep_documents must be true or false' })
  keep_documents?: boolean;
}

/** Payload of `sync.sources.list.v1`: one source, or all of them. */
export class ListSourcesRequest {
  @IsOptional()
  @Matches(SOURCE_ID, { message: SOURCE_ID_MESSAGE })
  id?: string;
}

export interface SourceCounts {
  /** Change events seen (watch events, changed files, changed rows). */
  events: number;
  /** Documents written (new or changed), and removed. */
  upserted: number;
  removed: number;
  /** Chunks embedded and written, and skipped as unchanged. */
  chunks_embedded: number;
  chunks_skipped: number;
  /** Writes that failed and were retried. */
  failed: number;
}

export interface SourceInfo {
  id: string;
  kind: SourceKind;
  collection: string;
  /** As given: names of declared targets and what narrows them (empty for non-admin readers). */
  settings: Record<string, unknown>;
  state: SourceState;
  last_error: string | null;
  counts: SourceCounts;
  last_event_at: string | null;
  /** `api` sources were added through the gateway; `file` ones come from SYNC_SOURCES_FILE. */
  origin: 'api' | 'file';
  created_at: string;
}

/** Reply of `sync.sources.list.v1`. */
export interface SourceListReply {
  sources: SourceInfo[];
}

/** Reply of `sync.sources.remove.v1`. */
export interface SourceRemoved {
  id: string;
  /** Chunks deleted from the collection (0 with keep_documents). */
  chunks_deleted: number;
}
