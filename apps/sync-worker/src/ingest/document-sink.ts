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

export interface SinkError {
  source_uid: string;
  error: string;
}

export interface SinkCounts {
  documents: number;
  chunks: number;
  embedded: number;
  upserted: number;
  /** Chunks whose content_sha256 was already stored: neither embedded nor written. */
  skipped: number;
  /** Old chunks removed: past a document's new end, or of removed documents. */
  deleted: number;
  failed: number;
  errors: SinkError[];
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
  ): Promise<SinkCounts>;

  /** Removes every chunk of these documents; returns how many chunks were deleted. */
  abstract remove(collection: string, source: string, sourceUids: string[]): Promise<number>;
}
