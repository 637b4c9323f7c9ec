import { decodeSample, encodeSample, latencyBreakdown, percentiles } from './latency-window';

describe('search latency window', () => {
  it('takes nearest-rank percentiles', () => {
    const samples = Array.from({ length: 100 }, (_, i) => ({
      operation: 'search',
      hit: false,
      ms: i + 1,
    }));
    expect(percentiles(samples)).toEqual({ samples: 100, p50_ms: 50, p95_ms: 95, p99_ms: 99 });
    expect(percentiles([])).toEqual({ samples: 0, p50_ms: 0, p95_ms: 0, p99_ms: 0 });
  });

  it('splits cache hits from misses and by operation', () => {
    const report = latencyBreakdown([
      { operation: 'search', hit: true, ms: 0.5 },
      { operation: 'search', hit: false, ms: 8 },
      { operation: 'recommend', hit: false, ms: 12 },
      { operation: 'search', hit: true, ms: 0.7 },
    ]);
    expect(report.latency.cache_hit).toMatchObject({ samples: 2, p99_ms: 0.7 });
    expect(report.latency.cache_miss).toMatchObject({ samples: 2, p50_ms: 8, p99_ms: 12 });
    expect(report.latency.cache_hit_ratio).toBe(0.5);
    expect(Object.keys(report.by_operation)).toEqual(['recommend', 'search']);
    expect(report.by_operation['search'].all.samples).toBe(3);
  });

  it('round-trips samples through their Redis form and skips foreign entries', () => {
    const sample = { operation: 'search-batch', hit: true, ms: 1.234 };
    expect(decodeSample(encodeSample(sample))).toEqual(sample);
    expect(decodeSample('garbage')).toBeUndefined();
  });
});
