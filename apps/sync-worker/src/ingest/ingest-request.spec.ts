import { MAX_DOCUMENT_CHARS, MAX_INGEST_REQUEST_CHARS, PlatformError } from '@aip/contracts';
import { chunkSettings, ingestJob } from './ingest-request';

describe('ingest requests', () => {
  it('fills chunk sizes from the defaults and the source with "api"', () => {
    const { data, documents } = ingestJob({
      collection: 'c',
      documents: [{ source_uid: 'a', text: 'x' }],
      chunking: { max_tokens: 100 },
    });
    expect(data).toMatchObject({
      source: 'api',
      document_count: 1,
      chunking: { maxTokens: 100, overlapTokens: 50, codeMaxTokens: 500 },
    });
    expect(documents).toEqual([{ source_uid: 'a', text: 'x' }]);
  });

  it('refuses an overlap as large as the chunk', () => {
    expect(() => chunkSettings({ max_tokens: 40, overlap_tokens: 40 })).toThrow(
      'chunking.overlap_tokens (40) must be less than chunking.max_tokens (40)',
    );
  });

  it('refuses a document over MAX_DOCUMENT_CHARS, or more text than MAX_INGEST_REQUEST_CHARS in all', () => {
    const job = (texts: string[]) => () =>
      ingestJob({
        collection: 'c',
        documents: texts.map((text, i) => ({ source_uid: `d${i}`, text })),
      });
    const tooLong = job(['x', 'y'.repeat(MAX_DOCUMENT_CHARS + 1)]);
    expect(tooLong).toThrow(PlatformError);
    expect(tooLong).toThrow('documents[1].text');
    const full = 'x'.repeat(MAX_DOCUMENT_CHARS);
    const tooMuch = job([
      ...Array.from({ length: MAX_INGEST_REQUEST_CHARS / MAX_DOCUMENT_CHARS }, () => full),
      'x',
    ]);
    expect(tooMuch).toThrow(PlatformError);
    expect(tooMuch).toThrow('MAX_INGEST_REQUEST_CHARS');
  });
});
