export const DISTANCES = ['Cosine', 'Dot', 'Euclid', 'Manhattan'] as const;
export type Distance = (typeof DISTANCES)[number];

/** Higher is better for similarities, lower is better for distances, as in Qdrant. */
export function higherIsBetter(distance: Distance): boolean {
  return distance === 'Cosine' || distance === 'Dot';
}

/** Qdrant stores cosine vectors normalised, so cosine similarity is a dot product. */
export function normalize(vector: Float32Array): Float32Array {
  let norm = 0;
  for (let i = 0; i < vector.length; i++) norm += vector[i] * vector[i];
  norm = Math.sqrt(norm);
  if (norm === 0) return vector;
  for (let i = 0; i < vector.length; i++) vector[i] /= norm;
  return vector;
}

export function dot(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

function euclid(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) {
    const d = a[i] - b[i];
    sum += d * d;
  }
  return Math.sqrt(sum);
}

function manhattan(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i] - b[i]);
  return sum;
}

export type Scorer = (a: Float32Array, b: Float32Array) => number;

export function scorerFor(distance: Distance): Scorer {
  switch (distance) {
    case 'Cosine':
    case 'Dot':
      return dot;
    case 'Euclid':
      return euclid;
    case 'Manhattan':
      return manhattan;
  }
}

/** Whether score `a` ranks before score `b`. */
export function better(distance: Distance): (a: number, b: number) => boolean {
  return higherIsBetter(distance) ? (a, b) => a > b : (a, b) => a < b;
}

/** score_threshold: similarities must reach it, distances must not exceed it. */
export function passesThreshold(distance: Distance, score: number, threshold: number): boolean {
  return higherIsBetter(distance) ? score >= threshold : score <= threshold;
}
