import type { Dataset } from '../data/datasets';
import type { GroundTruth } from '../data/ground-truth';
import type { QueryRun } from './query-run';
import { recallAtK } from './recall';

/** The figures of one search setting: what every search table prints. */
export interface Measured {
  recall: number;
  qps: number;
  p50Ms: number;
  p99Ms: number;
  queries: number;
}

/** Recall@k of a run against the ground truth, with its throughput and latency. */
export function measureRun(
  dataset: Dataset,
  truth: GroundTruth,
  queryIndices: readonly number[],
  run: QueryRun,
): Measured {
  return {
    recall: recallAtK(dataset, truth, queryIndices, run.ids),
    qps: run.summary.qps,
    p50Ms: run.summary.p50Ms,
    p99Ms: run.summary.p99Ms,
    queries: queryIndices.length,
  };
}
