import type { Distance } from './vector-metric';

/** Pairwise dissimilarities of the points, row-major (n × n). Computed once, reused for each k. */
export function dissimilarityMatrix(points: ArrayLike<number>[], distance: Distance): Float64Array {
  const n = points.length;
  const matrix = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const d = distance(points[i], points[j]);
      matrix[i * n + j] = d;
      matrix[j * n + i] = d;
    }
  }
  return matrix;
}

/**
 * Mean silhouette coefficient (Rousseeuw 1987) of a labelling, from -1 (wrong clusters) to 1
 * (tight, well-separated clusters). A point alone in its cluster scores 0, as in scikit-learn;
 * a labelling with fewer than two non-empty clusters scores 0 (nothing is separated).
 */
export function meanSilhouette(matrix: Float64Array, labels: readonly number[]): number {
  const n = labels.length;
  const k = Math.max(...labels) + 1;
  const sizes = new Array<number>(k).fill(0);
  for (const label of labels) sizes[label] += 1;
  if (sizes.filter((size) => size > 0).length < 2) return 0;
  const sums = new Float64Array(k);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const own = labels[i];
    if (sizes[own] === 1) continue;
    sums.fill(0);
    for (let j = 0; j < n; j++) if (j !== i) sums[labels[j]] += matrix[i * n + j];
    const a = sums[own] / (sizes[own] - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && sizes[c] > 0) b = Math.min(b, sums[c] / sizes[c]);
    const spread = Math.max(a, b);
    total += spread === 0 ? 0 : (b - a) / spread;
  }
  return total / n;
}
