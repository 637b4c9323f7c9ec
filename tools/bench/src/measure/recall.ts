import type { Dataset } from '../data/datasets';
import type { GroundTruth } from '../data/ground-truth';
import { dotRows } from '../data/vector-math';

/** Slack for float rounding when a result ties with the k-th true neighbour. */
const TIE_EPSILON = 1e-5;

/**
 * Mean recall@k. A returned id counts when it is among the true top-k, or when its true
 * similarity reaches the k-th best (ann-benchmarks' rule, so exact ties never count as misses).
 * `results[i]` answers query `queryIndices[i]`.
 */
export function recallAtK(
  dataset: Dataset,
  truth: GroundTruth,
  queryIndices: readonly number[],
  results: readonly (readonly number[])[],
): number {
  const k = truth.k;
  let found = 0;
  queryIndices.forEach((query, i) => {
    const offset = query * k;
    const trueIds = new Set(truth.ids.subarray(offset, offset + k));
    const kthScore = truth.scores[offset + k - 1];
    const seen = new Set<number>();
    for (const id of results[i].slice(0, k)) {
      if (seen.has(id) || id < 0 || id >= dataset.baseCount) continue;
      seen.add(id);
      const close =
        trueIds.has(id) ||
        dotRows(dataset.queries, query, dataset.base, id, dataset.dim) >= kthScore - TIE_EPSILON;
      if (close) found++;
    }
  });
  return found / (queryIndices.length * k);
}
