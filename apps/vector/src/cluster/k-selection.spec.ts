import { kMeans } from './k-means';
import { chooseK } from './k-selection';
import { seededRandom } from './seeded-random';
import { dissimilarityMatrix } from './silhouette';
import { dissimilarityFor } from './vector-metric';

/** `perGroup` points around each center, jittered by at most `spread`. */
function blobs(centers: number[][], perGroup: number, spread: number): number[][] {
  const random = seededRandom(11);
  return centers.flatMap((center) =>
    Array.from({ length: perGroup }, () => center.map((x) => x + (random() - 0.5) * spread)),
  );
}

describe('k-means and the choice of k', () => {
  const centers = [
    [0, 0, 0],
    [20, 0, 0],
    [0, 20, 0],
  ];
  const points = blobs(centers, 15, 2);

  it('finds three well-separated groups, each group in one cluster, reproducibly', async () => {
    const first = await kMeans(points, 3);
    for (let group = 0; group < 3; group++) {
      const labels = new Set(first.labels.slice(group * 15, group * 15 + 15));
      expect(labels.size).toBe(1);
    }
    expect(new Set(first.labels).size).toBe(3);
    expect(await kMeans(points, 3)).toEqual(first);
  });

  it('chooses k = 3 by silhouette for three groups, and k = 2 for two', async () => {
    const matrix = dissimilarityMatrix(points, dissimilarityFor('Euclid'));
    const three = await chooseK(points, matrix, 2, 10);
    expect(three.k).toBe(3);
    expect(three.silhouette).toBeGreaterThan(0.8);
    expect([...three.scores.keys()]).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const two = blobs(centers.slice(0, 2), 15, 2);
    const choice = await chooseK(two, dissimilarityMatrix(two, dissimilarityFor('Euclid')), 2, 10);
    expect(choice.k).toBe(2);
  });

  it('tries no k beyond the number of points minus one', async () => {
    const few = [[0], [1], [10], [11]];
    const choice = await chooseK(few, dissimilarityMatrix(few, dissimilarityFor('Euclid')), 2, 10);
    expect([...choice.scores.keys()]).toEqual([2, 3]);
    expect(choice.k).toBe(2);
    await expect(
      chooseK([[0], [1]], dissimilarityMatrix([[0], [1]], dissimilarityFor('Euclid')), 2, 10),
    ).rejects.toThrow('at least 3 points');
  });
});
