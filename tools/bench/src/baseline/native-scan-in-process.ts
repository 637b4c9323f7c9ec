import { BruteforceSearch } from 'hnswlib-node';
import type { Dataset } from '../data/datasets';
import { row } from '../data/vector-math';
import type { QueryRun } from '../measure/query-run';
import { summarise } from '../measure/stats';

/**
 * Exact top-k by hnswlib's native brute-force index in this process: compiled SIMD code over
 * contiguous memory, the yardstick for the engine's exact search over REST.
 */
export function nativeScanQueries(
  dataset: Dataset,
  queryIndices: readonly number[],
  k: number,
): QueryRun {
  const scan = new BruteforceSearch('ip', dataset.dim);
  scan.initIndex(dataset.baseCount);
  for (let i = 0; i < dataset.baseCount; i++)
    scan.addPoint(Array.from(row(dataset.base, dataset.dim, i)), i);
  const queries = queryIndices.map((q) => Array.from(row(dataset.queries, dataset.dim, q)));
  const ids: number[][] = [];
  const latencies: number[] = [];
  const started = performance.now();
  for (const query of queries) {
    const sent = performance.now();
    const found = scan.searchKnn(query, k);
    latencies.push(performance.now() - sent);
    ids.push(found.neighbors);
  }
  return {
    ids,
    latenciesMs: latencies,
    summary: summarise(latencies, performance.now() - started),
  };
}

/** Copy bandwidth of this machine in bytes/s (256 MiB buffer copied a few times, best pass). */
export function copyBandwidth(): number {
  const size = 256 << 20;
  const source = Buffer.alloc(size, 1);
  const target = Buffer.alloc(size);
  let best = Infinity;
  for (let pass = 0; pass < 5; pass++) {
    const started = performance.now();
    source.copy(target);
    best = Math.min(best, performance.now() - started);
  }
  // A copy reads and writes every byte.
  return (2 * size) / (best / 1000);
}
