import { setImmediate as nextTurn } from 'node:timers/promises';
import { kmeansGenerator } from 'ml-kmeans';

/** Fixed seed of the k-means++ initialisation: the same points always give the same clusters. */
export const KMEANS_SEED = 20_240_601;
export const KMEANS_MAX_ITERATIONS = 100;

export interface Clustering {
  /** Cluster index of each point. */
  labels: number[];
  centroids: number[][];
}

/**
 * Lloyd's k-means (squared Euclidean) from a seeded k-means++ start. Gives the event loop a
 * turn after each iteration, so a long clustering does not stall the service's other requests.
 */
export async function kMeans(points: number[][], k: number): Promise<Clustering> {
  let last: Clustering | undefined;
  for (const step of kmeansGenerator(points, k, {
    seed: KMEANS_SEED,
    initialization: 'kmeans++',
    maxIterations: KMEANS_MAX_ITERATIONS,
  })) {
    last = { labels: step.clusters.slice(), centroids: step.centroids };
    await nextTurn();
  }
  if (!last) throw new Error('k-means ran no iteration');
  return last;
}
