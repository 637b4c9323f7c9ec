import 'reflect-metadata';
import { ErrorCode } from '../errors/error-code';
import { PlatformError } from '../errors/platform-error';
import { MAX_DOCUMENT_CHARS, MAX_INGEST_REQUEST_CHARS } from './ingest.contract';
import { checkIngestSize } from './ingest-size';

function refusal(documents: unknown[]): PlatformError {
  try {
    checkIngestSize(documents);
  } catch (error) {
    if (error instanceof PlatformError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('checkIngestSize', () => {
  it('accepts texts at the limits, and leaves documents without a text to their own check', () => {
    const perDocument = MAX_INGEST_REQUEST_CHARS / MAX_DOCUMENT_CHARS;
    expect(() =>
      checkIngestSize([
        ...Array.from({ length: perDocument }, () => ({ text: 'x'.repeat(MAX_DOCUMENT_CHARS) })),
        { text: 42 },
        null,
      ]),
    ).not.toThrow();
  });

  it('refuses a document over MAX_DOCUMENT_CHARS, naming it and the limit', () => {
    const error = refusal([{ text: 'x' }, { text: 'y'.repeat(MAX_DOCUMENT_CHARS + 1) }]);
    expect(error.code).toBe(ErrorCode.PayloadTooLarge);
    expect(error.message).toBe(
      `documents[1].text has ${MAX_DOCUMENT_CHARS + 1} characters; at most ${MAX_DOCUMENT_CHARS} (MAX_DOCUMENT_CHARS)`,
    );
    expect(error.details).toEqual({
      field: 'documents[1].text',
      limit: MAX_DOCUMENT_CHARS,
      got: MAX_DOCUMENT_CHARS + 1,
    });
  });

  it('refuses more than MAX_INGEST_REQUEST_CHARS in all', () => {
    const perDocument = MAX_INGEST_REQUEST_CHARS / MAX_DOCUMENT_CHARS;
    const error = refusal([
      ...Array.from({ length: perDocument }, () => ({ text: 'x'.repeat(MAX_DOCUMENT_CHARS) })),
      { text: 'x' },
    ]);
    expect(error.code).toBe(ErrorCode.PayloadTooLarge);
    expect(error.message).toContain('MAX_INGEST_REQUEST_CHARS');
    expect(error.details).toEqual({
      field: 'documents',
      limit: MAX_INGEST_REQUEST_CHARS,
      got: MAX_INGEST_REQUEST_CHARS + 1,
    });
  });
});
