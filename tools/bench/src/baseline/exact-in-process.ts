import type { Dataset } from '../data/datasets';
import type { QueryRun } from '../measure/query-run';
import { summarise } from '../measure/stats';

/**
 * Exact top-k one query at a time over the flat Float32Array of the base in plain JS: what a
 * full scan costs in this runtime with a contiguous layout (the engine's exact search baseline).
 */
export function exactScanQueries(
  dataset: Dataset,
  queryIndices: readonly number[],
  k: number,
): QueryRun {
  const { base, queries, dim, baseCount } = dataset;
  const ids: number[][] = [];
  const latencies: number[] = [];
  const started = performance.now();
  for (const q of queryIndices) {
    const sent = performance.now();
    const topIds = new Int32Array(k).fill(-1);
    const topScores = new Float64Array(k).fill(-Infinity);
    const qo = q * dim;
    for (let j = 0; j < baseCount; j++) {
      const bo = j * dim;
      let sum = 0;
      for (let d = 0; d < dim; d++) sum += queries[qo + d] * base[bo + d];
      if (sum <= topScores[k - 1]) continue;
      let i = k - 1;
      while (i > 0 && topScores[i - 1] < sum) {
        topScores[i] = topScores[i - 1];
        topIds[i] = topIds[i - 1];
        i--;
      }
      topScores[i] = sum;
      topIds[i] = j;
    }
    latencies.push(performance.now() - sent);
    ids.push(Array.from(topIds));
  }
  return {
    ids,
    latenciesMs: latencies,
    summary: summarise(latencies, performance.now() - started),
  };
}
