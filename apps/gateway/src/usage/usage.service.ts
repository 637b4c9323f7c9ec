import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { Counter, Histogram } from 'prom-client';
import { REDIS, registeredMetric } from '@aip/platform';

/** Distinct key ids given their own metric label; the rest share `other` (bounded cardinality). */
const MAX_LABELLED_KEYS = 100;
/** Usage reaches Redis in one write per key at most this long after the requests. */
export const USAGE_FLUSH_MS = 200;

interface PendingUsage {
  requests: number;
  errors: number;
  tokens: number;
  latencyMs: number;
}

export interface KeyUsage {
  key_id: string;
  requests: number;
  errors: number;
  tokens: number;
  avg_latency_ms: number;
}

/**
 * Usage per key id (never the secret): counters in Redis, shared by replicas, for
 * `/api/v1/analytics/usage`; and the same in `/metrics` with a bounded key label.
 */
@Injectable()
export class UsageService implements OnApplicationShutdown {
  private readonly labelled = new Set<string>();
  /** Usage since the last flush, per key id: one Redis write for many requests, not one each. */
  private pending = new Map<string, PendingUsage>();
  private flushTimer: NodeJS.Timeout | undefined;
  private readonly requests = registeredMetric(
    'aip_key_requests_total',
    () =>
      new Counter({
        name: 'aip_key_requests_total',
        help: 'Requests by API key id and outcome',
        labelNames: ['key_id', 'outcome'],
      }),
  );
  private readonly latency = registeredMetric(
    'aip_key_request_duration_seconds',
    () =>
      new Histogram({
        name: 'aip_key_request_duration_seconds',
        help: 'Request latency by API key id',
        labelNames: ['key_id'],
      }),
  );
  private readonly tokens = registeredMetric(
    'aip_key_tokens_total',
    () =>
      new Counter({
        name: 'aip_key_tokens_total',
        help: 'Generated tokens by API key id',
        labelNames: ['key_id'],
      }),
  );

  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  private label(keyId: string): string {
    if (this.labelled.has(keyId)) return keyId;
    if (this.labelled.size < MAX_LABELLED_KEYS) {
      this.labelled.add(keyId);
      return keyId;
    }
    return 'other';
  }

  record(keyId: string, failed: boolean, seconds: number, tokens = 0): void {
    const label = this.label(keyId);
    this.requests.inc({ key_id: label, outcome: failed ? 'error' : 'success' });
    this.latency.observe({ key_id: label }, seconds);
    if (tokens > 0) this.tokens.inc({ key_id: label }, tokens);
    const usage = this.pending.get(keyId) ?? { requests: 0, errors: 0, tokens: 0, latencyMs: 0 };
    usage.requests += 1;
    usage.errors += failed ? 1 : 0;
    usage.tokens += tokens;
    usage.latencyMs += seconds * 1000;
    this.pending.set(keyId, usage);
    if (!this.flushTimer) {
      this.flushTimer = setTimeout(() => void this.flush(), USAGE_FLUSH_MS);
      this.flushTimer.unref();
    }
  }

  /** Accounting must never slow or fail a request: errors are dropped. */
  flush(): Promise<unknown> {
    clearTimeout(this.flushTimer);
    this.flushTimer = undefined;
    const pending = this.pending;
    this.pending = new Map();
    if (pending.size === 0) return Promise.resolve();
    const multi = this.redis.multi();
    for (const [keyId, usage] of pending) {
      multi
        .hincrby(`aip:usage:${keyId}`, 'requests', usage.requests)
        .hincrby(`aip:usage:${keyId}`, 'errors', usage.errors)
        .hincrby(`aip:usage:${keyId}`, 'tokens', usage.tokens)
        .hincrbyfloat(`aip:usage:${keyId}`, 'latency_ms', usage.latencyMs);
    }
    multi.sadd('aip:usage:keys', ...pending.keys());
    return multi.exec().catch(() => undefined);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.flush();
  }

  async report(onlyKey?: string): Promise<KeyUsage[]> {
    // This replica's requests count at once; other replicas' within USAGE_FLUSH_MS.
    await this.flush();
    const ids = onlyKey ? [onlyKey] : await this.redis.smembers('aip:usage:keys');
    const rows = await Promise.all(
      ids.sort().map(async (id) => ({ id, fields: await this.redis.hgetall(`aip:usage:${id}`) })),
    );
    return rows.map(({ id, fields }) => {
      const requests = Number(fields['requests'] ?? 0);
      return {
        key_id: id,
        requests,
        errors: Number(fields['errors'] ?? 0),
        tokens: Number(fields['tokens'] ?? 0),
        avg_latency_ms:
          requests === 0
            ? 0
            : Math.round((Number(fields['latency_ms'] ?? 0) / requests) * 100) / 100,
      };
    });
  }
}
