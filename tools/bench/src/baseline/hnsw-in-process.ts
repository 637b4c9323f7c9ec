import { HierarchicalNSW } from 'hnswlib-node';
import type { Dataset } from '../data/datasets';
import { row } from '../data/vector-math';
import type { QueryRun } from '../measure/query-run';
import { summarise } from '../measure/stats';

/** Qdrant's HNSW defaults, which the engine uses too. */
export const HNSW_DEFAULTS = { m: 16, efConstruct: 100 } as const;
/** The engine seeds its graphs with 100; the baseline does the same. */
const SEED = 100;
/** In-process passes repeat until this much time is measured: one pass can take ~50 ms. */
const MIN_MEASURED_MS = 500;
const WARMUP_QUERIES = 100;

export interface HnswBuild {
  index: HierarchicalNSW;
  buildMs: number;
  pointsPerSecond: number;
}

/**
 * hnswlib-node in this process on the same vectors, ids and insertion order as the engine
 * (inner product on unit vectors = cosine, like the engine's graphs): what the library costs
 * without HTTP, JSON, storage or the engine's scheduling.
 */
export function buildHnsw(dataset: Dataset, log: (message: string) => void): HnswBuild {
  const index = new HierarchicalNSW('ip', dataset.dim);
  index.initIndex(dataset.baseCount, HNSW_DEFAULTS.m, HNSW_DEFAULTS.efConstruct, SEED);
  const started = performance.now();
  const step = Math.max(1, Math.floor(dataset.baseCount / 10));
  for (let i = 0; i < dataset.baseCount; i++) {
    // hnswlib-node takes plain arrays only; converting is part of using it from JS.
    index.addPoint(Array.from(row(dataset.base, dataset.dim, i)), i);
    if ((i + 1) % step === 0) {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      log(`  hnswlib in-process: ${i + 1}/${dataset.baseCount} added, ${seconds} s`);
    }
  }
  const buildMs = performance.now() - started;
  return { index, buildMs, pointsPerSecond: dataset.baseCount / (buildMs / 1000) };
}

/** Single-threaded queries at one ef, repeated until enough time is measured. */
export function hnswQueries(
  index: HierarchicalNSW,
  dataset: Dataset,
  queryIndices: readonly number[],
  k: number,
  ef: number,
): QueryRun {
  const queries = queryIndices.map((q) => Array.from(row(dataset.queries, dataset.dim, q)));
  index.setEf(Math.max(ef, k));
  for (const query of queries.slice(0, WARMUP_QUERIES)) index.searchKnn(query, k);
  const ids: number[][] = [];
  const latencies: number[] = [];
  let wallMs = 0;
  while (wallMs < MIN_MEASURED_MS) {
    const started = performance.now();
    for (const query of queries) {
      const sent = performance.now();
      const result = index.searchKnn(query, k);
      latencies.push(performance.now() - sent);
      if (ids.length < queries.length) ids.push(result.neighbors);
    }
    wallMs += performance.now() - started;
  }
  return { ids, latenciesMs: latencies, summary: summarise(latencies, wallMs) };
}
