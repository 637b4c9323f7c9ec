import { MAX_INGEST_REQUEST_CHARS, PlatformError } from '@aip/contracts';
import { chunkSettings, ingestJobData } from './ingest-request';

describe('ingest requests', () => {
  it('fills chunk sizes from the defaults and the source with "api"', () => {
    const data = ingestJobData({
      collection: 'c',
      documents: [{ source_uid: 'a', text: 'x' }],
      chunking: { max_tokens: 100 },
    });
    expect(data).toMatchObject({
      source: 'api',
      chunking: { maxTokens: 100, overlapTokens: 50, codeMaxTokens: 500 },
    });
  });

  it('refuses an overlap as large as the chunk', () => {
    expect(() => chunkSettings({ max_tokens: 40, overlap_tokens: 40 })).toThrow(
      'chunking.overlap_tokens (40) must be less than chunking.max_tokens (40)',
    );
  });

  it('refuses more text than MAX_INGEST_REQUEST_CHARS in one request', () => {
    const half = 'x'.repeat(MAX_INGEST_REQUEST_CHARS / 2 + 1);
    const call = () =>
      ingestJobData({
        collection: 'c',
        documents: [
          { source_uid: 'a', text: half },
          { source_uid: 'b', text: half },
        ],
      });
    expect(call).toThrow(PlatformError);
    expect(call).toThrow('MAX_INGEST_REQUEST_CHARS');
  });
});
