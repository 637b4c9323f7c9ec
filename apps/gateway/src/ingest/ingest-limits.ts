import {
  ErrorCode,
  MAX_DOCUMENT_CHARS,
  MAX_INGEST_REQUEST_CHARS,
  PlatformError,
} from '@aip/contracts';

/**
 * Refuses (413) a request whose texts are over the named limits, before it is queued: a
 * document over MAX_DOCUMENT_CHARS, or more than MAX_INGEST_REQUEST_CHARS in all.
 */
export function checkIngestSize(documents: unknown[]): void {
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
