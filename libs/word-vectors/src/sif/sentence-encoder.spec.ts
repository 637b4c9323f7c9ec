import { wordVectorsFrom } from '../word-vectors';
import { SentenceEncoder, type EncoderSettings } from './sentence-encoder';

const words = wordVectorsFrom([
  ['the', [4, 0, 0, 0]],
  ['guitar', [0, 1, 0, 0]],
  ['music', [0, 0.8, 0.6, 0]],
  ['market', [0, 0, 0, 2]],
]);

function encoder(settings: Partial<EncoderSettings> = {}): SentenceEncoder {
  return new SentenceEncoder(words, { unknownWeight: 0, unitWords: false, ...settings });
}

const length = (v: Float32Array): number => Math.hypot(...v);
const dot = (a: Float32Array, b: Float32Array): number =>
  a.reduce((sum, value, d) => sum + value * b[d], 0);

describe('SentenceEncoder', () => {
  it('returns unit vectors', () => {
    const v = encoder().encode('the guitar music');
    expect(length(v)).toBeCloseTo(1, 6);
    expect(v.every(Number.isFinite)).toBe(true);
  });

  it('gives every text without words one fixed unit vector, never zero or NaN', () => {
    const plain = encoder();
    const empty = plain.encode('');
    expect(length(empty)).toBeCloseTo(1, 6);
    for (const text of ['   ', '\n', '?!', '🙂🙂', '']) expect(plain.encode(text)).toEqual(empty);
    // The same with unknown tokens, weights and components: it does not depend on settings.
    expect(encoder({ unknownWeight: 1 }).encode(' ')).toEqual(empty);
    expect(Math.abs(dot(empty, plain.encode('guitar')))).toBeLessThan(0.9);
  });

  it('hands out copies, so callers may keep or change what they get', () => {
    const plain = encoder();
    plain.encode('').fill(0);
    expect(length(plain.encode(''))).toBeCloseTo(1, 6);
  });

  it('weights words by their row weight', () => {
    const rowWeights = Float64Array.from([0.001, 1, 1, 1]);
    const weighted = encoder({ rowWeights });
    expect(dot(weighted.encode('the guitar'), weighted.encode('guitar'))).toBeGreaterThan(0.99);
    expect(dot(encoder().encode('the guitar'), encoder().encode('guitar'))).toBeLessThan(0.5);
  });

  it('scales words to unit length first when asked', () => {
    const unit = encoder({ unitWords: true });
    const v = unit.encode('the market');
    expect(v[0]).toBeCloseTo(v[3], 5);
  });

  it('gives unknown tokens deterministic hashed vectors, or ignores them with weight 0', () => {
    expect(encoder().encode('guitar zork')).toEqual(encoder().encode('guitar'));
    const withUnknown = encoder({ unknownWeight: 1 });
    const zork = withUnknown.encode('guitar zork');
    expect(zork).toEqual(withUnknown.encode('guitar zork'));
    expect(dot(zork, withUnknown.encode('guitar'))).toBeLessThan(0.95);
    expect(dot(zork, withUnknown.encode('guitar blorp'))).toBeLessThan(0.95);
  });

  it('removes the common components', () => {
    const components = { vectors: Float64Array.from([1, 0, 0, 0]), weights: Float64Array.of(1) };
    const v = encoder({ components }).encode('the guitar');
    expect(v[0]).toBeCloseTo(0, 6);
    expect(length(v)).toBeCloseTo(1, 6);
  });

  it('keeps a text made of a common component only as it was pooled', () => {
    const components = { vectors: Float64Array.from([1, 0, 0, 0]), weights: Float64Array.of(1) };
    const v = encoder({ components }).encode('the');
    expect(v[0]).toBeCloseTo(1, 6);
  });
});
