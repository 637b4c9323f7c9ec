import { splitText } from './text-splitter';
import { countTokens } from './token-counter';

const sentence = (i: number) => `Sentence number ${i} talks about vectors and the search index. `;

describe('splitText', () => {
  const text = Array.from({ length: 200 }, (_, i) => sentence(i)).join('');

  it('keeps every chunk within the token budget, cut at sentence ends', () => {
    const chunks = splitText(text, 300, 50);
    expect(chunks.length).toBeGreaterThan(5);
    for (const chunk of chunks) {
      expect(countTokens(chunk)).toBeLessThanOrEqual(302);
      expect(chunk).toMatch(/^Sentence number \d+/);
      expect(chunk.endsWith('index.')).toBe(true);
    }
  });

  it('starts each chunk with about the overlap of the previous one', () => {
    const chunks = splitText(text, 300, 50);
    for (let i = 1; i < chunks.length; i++) {
      const first = /^Sentence number (\d+)/.exec(chunks[i]!)![1];
      expect(chunks[i - 1]).toContain(`Sentence number ${first} `);
      const repeated = chunks[i]!.slice(0, chunks[i]!.indexOf(sentence(Number(first) + 3)));
      expect(countTokens(repeated)).toBeLessThanOrEqual(50);
    }
  });

  it('loses no text when there is no overlap', () => {
    const chunks = splitText(text, 100, 0);
    expect(chunks.join(' ').replace(/\s+/g, ' ')).toBe(text.trim().replace(/\s+/g, ' '));
  });

  it('cuts a sentence longer than a chunk at words, and a word longer than a chunk by length', () => {
    const long = 'word '.repeat(1000) + 'x'.repeat(5000);
    const chunks = splitText(long, 64, 0);
    for (const chunk of chunks) expect(countTokens(chunk)).toBeLessThanOrEqual(64 * 2);
    expect(chunks.join('').replace(/\s/g, '')).toBe(long.replace(/\s/g, ''));
  });

  it('gives a short text as one chunk and an empty one as none', () => {
    expect(splitText('Just one line.', 300, 50)).toEqual(['Just one line.']);
    expect(splitText('   \n ', 300, 50)).toEqual([]);
  });
});
