import { dissimilarityMatrix, meanSilhouette } from './silhouette';
import { dissimilarityFor, normalize } from './vector-metric';

const euclid = dissimilarityFor('Euclid');

describe('meanSilhouette', () => {
  it('scores well-separated clusters near 1 and a scrambled labelling below 0', () => {
    const points = [
      [0, 0],
      [0, 1],
      [1, 0],
      [10, 10],
      [10, 11],
      [11, 10],
    ];
    const matrix = dissimilarityMatrix(points, euclid);
    expect(meanSilhouette(matrix, [0, 0, 0, 1, 1, 1])).toBeGreaterThan(0.9);
    expect(meanSilhouette(matrix, [0, 1, 0, 1, 0, 1])).toBeLessThan(0);
  });

  it('matches a value worked by hand', () => {
    // Points 0, 1 on a line and 5 alone: for 0, a = 1, b = 5 → 0.8; for 1, a = 1, b = 4 → 0.75;
    // the singleton scores 0. Mean: (0.8 + 0.75 + 0) / 3.
    const matrix = dissimilarityMatrix([[0], [1], [5]], euclid);
    expect(meanSilhouette(matrix, [0, 0, 1])).toBeCloseTo(1.55 / 3, 10);
  });

  it('scores a single cluster 0 rather than failing', () => {
    const matrix = dissimilarityMatrix([[0], [1], [2]], euclid);
    expect(meanSilhouette(matrix, [0, 0, 0])).toBe(0);
  });
});

describe('dissimilarityFor', () => {
  it('measures cosine collections by angle, whatever the length of the vectors', () => {
    const cosine = dissimilarityFor('Cosine');
    const a = normalize([3, 0]);
    expect(cosine(a, normalize([10, 0]))).toBeCloseTo(0, 12);
    expect(cosine(a, normalize([0, 0.1]))).toBeCloseTo(1, 12);
    expect(cosine(a, normalize([-1, 0]))).toBeCloseTo(2, 12);
  });

  it('uses Euclidean distance for Euclid and Dot, and city-block distance for Manhattan', () => {
    expect(dissimilarityFor('Euclid')([0, 0], [3, 4])).toBe(5);
    expect(dissimilarityFor('Dot')([0, 0], [3, 4])).toBe(5);
    expect(dissimilarityFor('Manhattan')([0, 0], [3, 4])).toBe(7);
  });
});
