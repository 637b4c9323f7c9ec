import { ragConfidence, similarityOf } from './rag-confidence';

describe('RAG confidence', () => {
  it('is half the best similarity and half the mean similarity of the cited passages', () => {
    expect(ragConfidence([0.9, 0.6, 0.3], [0.6])).toBe(0.75);
    expect(ragConfidence([0.9, 0.6, 0.3], [0.9, 0.3])).toBe(0.75);
  });

  it('uses every given passage when the answer cites none', () => {
    expect(ragConfidence([0.9, 0.6, 0.3], [])).toBe(0.75);
  });

  it('is 0 without passages and stays within [0, 1]', () => {
    expect(ragConfidence([], [])).toBe(0);
    expect(ragConfidence([1, 1], [1])).toBe(1);
  });

  it('maps scores to similarities in [0, 1] by distance', () => {
    expect(similarityOf(0.8, 'Cosine')).toBe(0.8);
    expect(similarityOf(-0.2, 'Cosine')).toBe(0);
    expect(similarityOf(7, 'Dot')).toBe(1);
    expect(similarityOf(0, 'Euclid')).toBe(1);
    expect(similarityOf(3, 'Manhattan')).toBe(0.25);
  });
});
