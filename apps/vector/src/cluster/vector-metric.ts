import type { VectorDistance } from '@aip/contracts';

export type Distance = (a: ArrayLike<number>, b: ArrayLike<number>) => number;

export function normalize(vector: number[]): number[] {
  let norm = 0;
  for (const x of vector) norm += x * x;
  norm = Math.sqrt(norm);
  return norm === 0 ? vector.slice() : vector.map((x) => x / norm);
}

function cosineOfUnit(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += a[i] * b[i];
  return Math.max(0, 1 - dot);
}

function euclidean(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i] - b[i]) ** 2;
  return Math.sqrt(sum);
}

function manhattan(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i] - b[i]);
  return sum;
}

/**
 * The dissimilarity that matches a collection's distance, for silhouettes. Cosine collections
 * are clustered on unit vectors, so their dissimilarity is 1 - the dot product. Dot has no
 * metric of its own: Euclidean distance stands in.
 */
export function dissimilarityFor(distance: VectorDistance): Distance {
  switch (distance) {
    case 'Cosine':
      return cosineOfUnit;
    case 'Manhattan':
      return manhattan;
    default:
      return euclidean;
  }
}
