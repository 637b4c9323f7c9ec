import { MAX_DOCUMENT_CHARS } from '@aip/contracts';
import { documentProblem } from './document-check';

describe('documentProblem', () => {
  it('accepts a well-formed document', () => {
    expect(
      documentProblem({
        source_uid: 'a',
        text: 'hello',
        type: 'code',
        language: 'go',
        metadata: { x: 1 },
      }),
    ).toBeUndefined();
  });

  it.each([
    [null, 'a document must be an object'],
    [{ text: 'x' }, 'source_uid must be a non-empty string'],
    [{ source_uid: 'a', text: 3 }, 'text must be a string'],
    [{ source_uid: 'a', text: '  ' }, 'text must not be empty'],
    [{ source_uid: 'a', text: 'x', type: 'pdf' }, 'type must be one of text, markdown, code'],
    [{ source_uid: 'a', text: 'x', metadata: [] }, 'metadata must be an object'],
    [
      { source_uid: 'a', text: 'x', metadata: { chunk_index: 1 } },
      'metadata.chunk_index is reserved',
    ],
    [{ source_uid: 'a', text: 'x'.repeat(MAX_DOCUMENT_CHARS + 1) }, 'MAX_DOCUMENT_CHARS'],
  ])('names what is wrong with %j', (document, problem) => {
    expect(documentProblem(document)).toContain(problem);
  });
});
