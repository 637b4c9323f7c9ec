import { better, higherIsBetter, scorerFor, type Distance } from '../distance';
import { EngineError } from '../engine-error';
import type { CollectionState } from '../collection/collection-state';
import { parsePointId } from '../point-id';
import { parseDense } from '../points/vector-input';
import { TopK, type Scored } from './top-k';

export const STRATEGIES = ['average_vector', 'best_score', 'sum_scores'] as const;
export type Strategy = (typeof STRATEGIES)[number];

export interface Examples {
  positive: Float32Array[];
  negative: Float32Array[];
  /** Points given by id: never part of the results. */
  exclude: Set<number>;
}

/** Resolves recommend examples: point ids (their stored vector for `using`) or raw vectors. */
export function resolveExamples(
  state: CollectionState,
  using: string,
  positive: unknown,
  negative: unknown,
): Examples {
  const exclude = new Set<number>();
  const resolve = (list: unknown, field: string): Float32Array[] => {
    if (list === undefined || list === null) return [];
    if (!Array.isArray(list))
      throw EngineError.badInput(`${field} must be a list of point ids or vectors`);
    return list.map((example: unknown, i) => {
      if (Array.isArray(example)) return parseDense(state.config, using, example, `${field}[${i}]`);
      const record = state.get(parsePointId(example, `${field}[${i}]`));
      if (!record) throw EngineError.notFound(`No point with id ${String(example)} found`);
      exclude.add(record.label);
      const vector = state.vectorOf(record, using);
      if (!vector)
        throw EngineError.badInput(
          `Point ${String(example)} has no vector ${using || '(unnamed)'}`,
        );
      return vector;
    });
  };
  const examples = {
    positive: resolve(positive, 'positive'),
    negative: resolve(negative, 'negative'),
    exclude,
  };
  if (examples.positive.length === 0 && examples.negative.length === 0) {
    throw EngineError.badInput('At least one positive or negative example is required');
  }
  return examples;
}

function mean(vectors: Float32Array[]): Float32Array {
  const result = new Float32Array(vectors[0].length);
  for (const vector of vectors)
    for (let i = 0; i < result.length; i++) result[i] += vector[i] / vectors.length;
  return result;
}

/** average_vector: avg_pos + avg_pos - avg_neg (or -avg_neg with only negatives). */
export function averageVector(examples: Examples): Float32Array {
  if (examples.positive.length === 0) return mean(examples.negative).map((x) => -x);
  const positive = mean(examples.positive);
  if (examples.negative.length === 0) return positive;
  const negative = mean(examples.negative);
  return positive.map((x, i) => x + x - negative[i]);
}

/**
 * best_score and sum_scores: every candidate is compared with every example (an exact scan).
 * best_score keeps the best positive score unless a negative is closer, in which case the
 * score is the negative's, squared and negated, as Qdrant does.
 */
export function scoreByExamples(
  state: CollectionState,
  using: string,
  distance: Distance,
  examples: Examples,
  strategy: Exclude<Strategy, 'average_vector'>,
  k: number,
  accept: (label: number) => boolean,
): Scored[] {
  const score = scorerFor(distance);
  const similarity = higherIsBetter(distance)
    ? score
    : (a: Float32Array, b: Float32Array) => -score(a, b);
  const top = new TopK(k, better('Dot'));
  for (const [label, record] of state.points) {
    const vector = record.vectors.has(using) ? state.vectorOf(record, using) : undefined;
    if (!vector || examples.exclude.has(label) || !accept(label)) continue;
    if (strategy === 'sum_scores') {
      let total = 0;
      for (const p of examples.positive) total += similarity(vector, p);
      for (const n of examples.negative) total -= similarity(vector, n);
      top.push(label, total);
      continue;
    }
    let bestPositive = -Infinity;
    let bestNegative = -Infinity;
    for (const p of examples.positive) bestPositive = Math.max(bestPositive, similarity(vector, p));
    for (const n of examples.negative) bestNegative = Math.max(bestNegative, similarity(vector, n));
    top.push(label, bestPositive >= bestNegative ? bestPositive : -(bestNegative * bestNegative));
  }
  return top.items;
}
