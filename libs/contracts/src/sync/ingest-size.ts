import { ErrorCode } from '../errors/error-code';
import { PlatformError } from '../errors/platform-error';
import { MAX_DOCUMENT_CHARS, MAX_INGEST_REQUEST_CHARS } from './ingest.contract';

/**
 * Refuses (413) an ingest request whose texts are over the named limits: a document over
 * MAX_DOCUMENT_CHARS, or more than MAX_INGEST_REQUEST_CHARS in all. The gateway checks before
 * it forwards and the sync-worker before it queues, with this one rule, so both refuse alike.
 * Other malformations are left to each document: they fail it alone, in the job report.
 */
export function checkIngestSize(documents: readonly unknown[]): void {
  let total = 0;
  documents.forEach((document, i) => {
    const text = (document as { text?: unknown } | null)?.text;
    if (typeof text !== 'string') return;
    if (text.length > MAX_DOCUMENT_CHARS)
      throw new PlatformError(
        ErrorCode.PayloadTooLarge,
        `documents[${i}].text has ${text.length} characters; at most ${MAX_DOCUMENT_CHARS} (MAX_DOCUMENT_CHARS)`,
        { field: `documents[${i}].text`, limit: MAX_DOCUMENT_CHARS, got: text.length },
      );
    total += text.length;
  });
  if (total > MAX_INGEST_REQUEST_CHARS)
    throw new PlatformError(
      ErrorCode.PayloadTooLarge,
      `documents hold ${total} characters of text; at most ${MAX_INGEST_REQUEST_CHARS} per request (MAX_INGEST_REQUEST_CHARS): split it`,
      { field: 'documents', limit: MAX_INGEST_REQUEST_CHARS, got: total },
    );
}
