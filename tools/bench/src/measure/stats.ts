/** Throughput and latency of a run of sequential requests. */
export interface LatencySummary {
  count: number;
  qps: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
}

/** Nearest-rank percentile of unsorted samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** The middle sample (the upper one of an even count), as the round-based figures report. */
export function median(samples: readonly number[]): number {
  return [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)];
}

/** q/s over the wall time of the whole run (not 1/mean: includes the client's own work). */
export function summarise(latenciesMs: readonly number[], wallMs: number): LatencySummary {
  const total = latenciesMs.reduce((sum, value) => sum + value, 0);
  return {
    count: latenciesMs.length,
    qps: latenciesMs.length / (wallMs / 1000),
    p50Ms: percentile(latenciesMs, 50),
    p99Ms: percentile(latenciesMs, 99),
    meanMs: total / latenciesMs.length,
  };
}

export function elapsedMs(since: number): number {
  return performance.now() - since;
}
