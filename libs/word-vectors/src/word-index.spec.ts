import { slotCount, WordIndex } from './word-index';

describe('WordIndex', () => {
  it('finds every word of a large vocabulary and nothing else', () => {
    const words = Array.from({ length: 5000 }, (_, i) => `w${i.toString(36)}`);
    const index = WordIndex.build(words);
    expect(index.count).toBe(5000);
    expect(index.data.slots).toHaveLength(slotCount(5000));
    words.forEach((word, row) => expect(index.indexOf(word)).toBe(row));
    for (const absent of ['', 'w', 'wzzzz', 'W0', 'w0 '])
      expect(index.indexOf(absent)).toBeUndefined();
  });

  it('handles non-ASCII words, by their UTF-8 bytes', () => {
    const index = WordIndex.build(['café', '€', 'naïve', 'Ã©', 'é']);
    expect(['café', '€', 'naïve', 'Ã©', 'é'].map((word) => index.indexOf(word))).toEqual([
      0, 1, 2, 3, 4,
    ]);
    expect(index.indexOf('cafe')).toBeUndefined();
    expect(index.word(2)).toBe('naïve');
  });

  it('keeps the first row of a repeated word', () => {
    const index = WordIndex.build(['the', 'of', 'the']);
    expect(index.indexOf('the')).toBe(0);
    expect(index.word(2)).toBe('the');
  });
});
