import type { LatencyPercentiles, LatencyReport } from '@aip/contracts';

/** One timed cached read: which operation, whether the cache answered, how long it took. */
export interface LatencySample {
  operation: string;
  hit: boolean;
  ms: number;
}

/** Samples are kept in Redis lists as `<h|m><operation>:<ms>`, e.g. `msearch:3.214`. */
export function encodeSample(sample: LatencySample): string {
  return `${sample.hit ? 'h' : 'm'}${sample.operation}:${sample.ms.toFixed(3)}`;
}

export function decodeSample(encoded: string): LatencySample | undefined {
  const match = /^([hm])([\w-]+):(\d+(?:\.\d+)?)$/.exec(encoded);
  if (!match) return undefined;
  return { hit: match[1] === 'h', operation: match[2], ms: Number(match[3]) };
}

/** The value below which `share` of the sorted samples fall (nearest rank). */
function percentile(sorted: number[], share: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.max(1, Math.ceil(share * sorted.length));
  return Math.round(sorted[rank - 1] * 1000) / 1000;
}

export function percentiles(samples: LatencySample[]): LatencyPercentiles {
  const sorted = samples.map((s) => s.ms).sort((a, b) => a - b);
  return {
    samples: sorted.length,
    p50_ms: percentile(sorted, 0.5),
    p95_ms: percentile(sorted, 0.95),
    p99_ms: percentile(sorted, 0.99),
  };
}

export function latencyReport(samples: LatencySample[]): LatencyReport {
  const hits = samples.filter((s) => s.hit);
  return {
    all: percentiles(samples),
    cache_hit: percentiles(hits),
    cache_miss: percentiles(samples.filter((s) => !s.hit)),
    cache_hit_ratio:
      samples.length === 0 ? 0 : Math.round((hits.length / samples.length) * 1000) / 1000,
  };
}

/** The same report overall and for each operation. */
export function latencyBreakdown(samples: LatencySample[]): {
  latency: LatencyReport;
  by_operation: Record<string, LatencyReport>;
} {
  const byOperation = new Map<string, LatencySample[]>();
  for (const sample of samples) {
    const list = byOperation.get(sample.operation) ?? [];
    list.push(sample);
    byOperation.set(sample.operation, list);
  }
  return {
    latency: latencyReport(samples),
    by_operation: Object.fromEntries(
      [...byOperation.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([operation, list]) => [operation, latencyReport(list)]),
    ),
  };
}
