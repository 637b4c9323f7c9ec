import { encodeDocument } from './bm25-encoder';
import { chunkVectors } from './sparse.handler';

describe('chunkVectors', () => {
  it('keeps every message of the reply under 1 MB, in order', () => {
    const long = Array.from({ length: 3000 }, (_, i) => `term${i}`).join(' ');
    const vectors = Array.from({ length: 40 }, () => encodeDocument(long));
    const chunks = chunkVectors(vectors);
    expect(chunks.length).toBeGreaterThan(1);
    let next = 0;
    for (const chunk of chunks) {
      expect(chunk.offset).toBe(next);
      expect(Buffer.byteLength(JSON.stringify(chunk))).toBeLessThan(1024 * 1024);
      next += chunk.vectors.length;
    }
    expect(next).toBe(40);
  });

  it('sends short replies as one message', () => {
    expect(chunkVectors([encodeDocument('a kitchen')])).toEqual([
      { offset: 0, vectors: [encodeDocument('kitchen')] },
    ]);
  });
});
