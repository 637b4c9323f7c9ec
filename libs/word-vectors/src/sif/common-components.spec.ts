import { wordVectorsFrom } from '../word-vectors';
import { topComponents, vocabularyComponents } from './common-components';

describe('vocabularyComponents', () => {
  it('finds the direction every sentence shares: the probability-weighted mean', async () => {
    // Every word leans on dimension 0; the other dimensions average out.
    const words = wordVectorsFrom([
      ['w0', [1, 0.5, 0]],
      ['w1', [1, -0.5, 0]],
      ['w2', [1, 0, 0.5]],
      ['w3', [1, 0, -0.5]],
    ]);
    const probabilities = Float64Array.of(0.25, 0.25, 0.25, 0.25);
    const { vectors, weights } = await vocabularyComponents(
      words,
      Float64Array.of(1, 1, 1, 1),
      probabilities,
      { count: 1, removal: 'all', sentenceLength: 10 },
    );
    expect(Math.abs(vectors[0])).toBeCloseTo(1, 2);
    expect(Array.from(weights)).toEqual([1]);
  });
});

describe('topComponents', () => {
  it('weights components by eigenvalue for uSIF and wholly for SIF', () => {
    const moment = Float64Array.from([3, 0, 0, 0, 1, 0, 0, 0, 0.5]);
    const usif = topComponents(moment, 3, {
      count: 2,
      removal: 'by-eigenvalue',
      sentenceLength: 11,
    });
    expect(Array.from(usif.weights)).toEqual([0.75, 0.25]);
    expect(usif.vectors).toHaveLength(6);
    const sif = topComponents(moment, 3, { count: 1, removal: 'all', sentenceLength: 11 });
    expect(Array.from(sif.weights)).toEqual([1]);
  });
});
