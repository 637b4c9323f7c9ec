import type { Scored } from './top-k';

/** Qdrant's default RRF constant: a result at position p (0-based) scores 1 / (p + k). */
export const DEFAULT_RRF_K = 2;

/** Reciprocal rank fusion: only the order of each list matters. */
export function rrf(lists: Scored[][], k = DEFAULT_RRF_K, weights?: number[]): Scored[] {
  const scores = new Map<number, number>();
  lists.forEach((list, source) => {
    const weight = weights?.[source] ?? 1;
    list.forEach((hit, position) => {
      const score = weight <= 0 ? 0 : 1 / ((position + 1) / weight + k - 1);
      scores.set(hit.label, (scores.get(hit.label) ?? 0) + score);
    });
  });
  return sortDescending(scores);
}

/**
 * Distribution-based score fusion: each list's scores are scaled to [0, 1] between its mean
 * minus and plus three standard deviations, then summed.
 */
export function dbsf(lists: Scored[][]): Scored[] {
  const scores = new Map<number, number>();
  for (const list of lists) {
    if (list.length === 0) continue;
    const mean = list.reduce((sum, hit) => sum + hit.score, 0) / list.length;
    const std = Math.sqrt(
      list.reduce((sum, hit) => sum + (hit.score - mean) ** 2, 0) / list.length,
    );
    const low = mean - 3 * std;
    const high = mean + 3 * std;
    for (const hit of list) {
      const normalized =
        high === low ? 0.5 : Math.min(1, Math.max(0, (hit.score - low) / (high - low)));
      scores.set(hit.label, (scores.get(hit.label) ?? 0) + normalized);
    }
  }
  return sortDescending(scores);
}

function sortDescending(scores: Map<number, number>): Scored[] {
  return [...scores].map(([label, score]) => ({ label, score })).sort((a, b) => b.score - a.score);
}
