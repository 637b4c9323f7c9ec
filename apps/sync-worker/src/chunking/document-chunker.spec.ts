import { DEFAULT_CHUNK_SETTINGS } from './chunk-settings';
import { chunkDocument } from './document-chunker';

describe('chunkDocument', () => {
  it('keeps the document metadata on every chunk, with where the chunk comes from', () => {
    const code = chunkDocument(
      {
        text: 'def a():\n    pass\n',
        type: 'code',
        language: 'Python',
        metadata: { repo: 'r' },
      },
      DEFAULT_CHUNK_SETTINGS,
    );
    expect(code[0]!.metadata).toEqual({
      repo: 'r',
      document_type: 'code',
      language: 'python',
      start_line: 1,
      end_line: 3,
      symbols: ['a'],
    });
    const md = chunkDocument(
      { text: '# T\nbody', type: 'markdown', metadata: { lang: 'en' } },
      DEFAULT_CHUNK_SETTINGS,
    );
    expect(md[0]!.metadata).toEqual({ lang: 'en', document_type: 'markdown', headings: ['T'] });
    const text = chunkDocument(
      { text: 'Plain words. '.repeat(400), type: 'text', metadata: { k: 1 } },
      DEFAULT_CHUNK_SETTINGS,
    );
    expect(text.length).toBeGreaterThan(1);
    for (const chunk of text) expect(chunk.metadata).toEqual({ k: 1, document_type: 'text' });
  });
});
