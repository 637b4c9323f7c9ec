import type { IngestCounts } from '@aip/contracts';

/** A document from a source, before chunking. */
export interface SourceDocument {
  /** The document's id within its source (a file path, a row id, a Kubernetes uid). */
  source_uid: string;
  text: string;
  type: 'text' | 'markdown' | 'code';
  /** Programming language of code documents (typescript, javascript, python, go, ...). */
  language?: string;
  /** Kept on every chunk's payload. */
  metadata?: Record<string, unknown>;
}

/**
 * Where documents go: chunked, embedded and upserted under deterministic ids, so writing the
 * same document twice changes nothing and a changed document replaces exactly its old chunks.
 * The one seam between the ingest pipeline and the sources that feed it.
 */
export abstract class DocumentSink {
  abstract upsert(
    collection: string,
    source: string,
    documents: SourceDocument[],
  ): Promise<IngestCounts>;

  /** Removes every chunk of these documents; returns how many chunks were deleted. */
  abstract remove(collection: string, source: string, sourceUids: string[]): Promise<number>;
}
