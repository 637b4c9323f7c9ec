import { kMeans } from './k-means';
import { meanSilhouette } from './silhouette';

export interface KChoice {
  k: number;
  silhouette: number;
  /** Silhouette of each k tried. */
  scores: Map<number, number>;
}

/**
 * The k in [minK, maxK] whose k-means clustering of the points has the best mean silhouette
 * (the smaller k on a tie). `matrix` holds the points' pairwise dissimilarities.
 */
export async function chooseK(
  points: number[][],
  matrix: Float64Array,
  minK: number,
  maxK: number,
): Promise<KChoice> {
  const upper = Math.min(maxK, points.length - 1);
  if (upper < minK) {
    throw new RangeError(`choosing k needs at least ${minK + 1} points; got ${points.length}`);
  }
  const scores = new Map<number, number>();
  let best = { k: minK, silhouette: -Infinity };
  for (let k = minK; k <= upper; k++) {
    const { labels } = await kMeans(points, k);
    const score = meanSilhouette(matrix, labels);
    scores.set(k, score);
    if (score > best.silhouette) best = { k, silhouette: score };
  }
  return { ...best, scores };
}
