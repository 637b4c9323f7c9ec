import { summarise, type LatencySummary } from './stats';

/** The answers and timing of one pass of queries against one system. */
export interface QueryRun {
  /** Returned ids per query, best first. */
  ids: number[][];
  latenciesMs: number[];
  summary: LatencySummary;
}

/**
 * Several passes of the same queries as one figure: q/s is the median pass (this 2-core VM
 * drifts by +-25% from second to second), latency percentiles are over every pass's samples.
 */
export function combineRuns(runs: readonly QueryRun[]): QueryRun {
  const qps = runs.map((run) => run.summary.qps).sort((a, b) => a - b);
  const latenciesMs = runs.flatMap((run) => run.latenciesMs);
  const summary = summarise(latenciesMs, 1);
  const middle = Math.floor(qps.length / 2);
  summary.qps = qps.length % 2 === 1 ? qps[middle] : (qps[middle - 1] + qps[middle]) / 2;
  return { ids: runs[0].ids, latenciesMs, summary };
}
