import { hashedVector } from './hashed-vector';

function hashed(token: string, dim = 100): Float32Array {
  const out = new Float32Array(dim);
  hashedVector(token, out);
  return out;
}

const dot = (a: Float32Array, b: Float32Array): number =>
  a.reduce((sum, value, d) => sum + value * b[d], 0);

describe('hashedVector', () => {
  it('is a unit vector that depends on the token only', () => {
    const first = hashed('sandbergerish');
    expect(dot(first, first)).toBeCloseTo(1, 5);
    expect(hashed('sandbergerish')).toEqual(first);
  });

  it('stays the same across versions (cached embeddings depend on it)', () => {
    expect(Array.from(hashed('2012', 4), (value) => value.toFixed(4))).toEqual([
      '0.4509',
      '-0.6025',
      '-0.3551',
      '-0.5546',
    ]);
  });

  it('gives different tokens nearly orthogonal vectors', () => {
    const tokens = ['2012', '2013', 'o’neill', "o'neill", 'mh17', 'x', ''];
    const vectors = tokens.map((token) => hashed(token));
    for (let i = 0; i < vectors.length; i++) {
      for (let j = i + 1; j < vectors.length; j++) {
        expect(Math.abs(dot(vectors[i], vectors[j]))).toBeLessThan(0.4);
      }
    }
  });
});
