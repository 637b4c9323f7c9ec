import { wordVectorsFrom } from './word-vectors';

describe('Int8WordVectors', () => {
  const words = wordVectorsFrom([
    ['the', [0.5, -1.27, 0.001, 0]],
    ['guitar', [3, 2, -1, 0.25]],
    ['zero', [0, 0, 0, 0]],
  ]);

  it('looks words up by their row, in the given order', () => {
    expect([words.count, words.dim]).toEqual([3, 4]);
    expect(words.indexOf('guitar')).toBe(1);
    expect(words.indexOf('Guitar')).toBeUndefined();
    expect(words.word(0)).toBe('the');
  });

  it('keeps each value within half a step of max|v|/127 and the exact norm', () => {
    const out = new Float32Array(4);
    words.vector(1, out);
    [3, 2, -1, 0.25].forEach((value, d) =>
      expect(Math.abs(out[d] - value)).toBeLessThanOrEqual(3 / 254),
    );
    expect(words.norm(1)).toBeCloseTo(Math.hypot(3, 2, -1, 0.25), 5);
    words.vector(2, out);
    expect(Array.from(out)).toEqual([0, 0, 0, 0]);
  });

  it('adds a scaled row without a temporary', () => {
    const acc = Float64Array.of(1, 1, 1, 1);
    const row = new Float32Array(4);
    words.vector(0, row);
    words.addScaled(0, 2, acc);
    acc.forEach((value, d) => expect(value).toBeCloseTo(1 + 2 * row[d], 6));
  });
});
