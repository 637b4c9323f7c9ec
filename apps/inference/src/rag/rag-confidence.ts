import type { VectorDistance } from '@aip/contracts';

/**
 * A search score as a similarity in [0, 1]. Cosine and dot scores are similarities already
 * (negative ones count as 0, above 1 as 1); Euclid and Manhattan scores are distances d,
 * mapped to 1 / (1 + d).
 */
export function similarityOf(score: number, distance: VectorDistance): number {
  if (distance === 'Euclid' || distance === 'Manhattan') return 1 / (1 + Math.max(0, score));
  return Math.min(1, Math.max(0, score));
}

/**
 * Confidence in a RAG answer, from the retrieval scores as similarities in [0, 1]:
 * `0.5 · best + 0.5 · mean(cited)`, where `best` is the best similarity among the passages the
 * model was given and `cited` the similarities of the passages the answer cites (all given
 * passages when it cites none). 0 when no passage was given. Rounded to 3 decimals.
 */
export function ragConfidence(given: number[], cited: number[]): number {
  if (given.length === 0) return 0;
  const best = Math.max(...given);
  const support = cited.length > 0 ? cited : given;
  const mean = support.reduce((sum, s) => sum + s, 0) / support.length;
  return Math.round((0.5 * best + 0.5 * mean) * 1000) / 1000;
}
