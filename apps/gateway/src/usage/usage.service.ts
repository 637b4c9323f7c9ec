import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { Counter, Histogram } from 'prom-client';
import { REDIS, registeredMetric } from '@aip/platform';

/** Distinct key ids given their own metric label; the rest share `other` (bounded cardinality). */
const MAX_LABELLED_KEYS = 100;

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
export class UsageService {
  private readonly labelled = new Set<string>();
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
    // Accounting must never slow or fail a request: the write is not awaited, errors dropped.
    this.redis
      .multi()
      .hincrby(`aip:usage:${keyId}`, 'requests', 1)
      .hincrby(`aip:usage:${keyId}`, 'errors', failed ? 1 : 0)
      .hincrby(`aip:usage:${keyId}`, 'tokens', tokens)
      .hincrbyfloat(`aip:usage:${keyId}`, 'latency_ms', seconds * 1000)
      .sadd('aip:usage:keys', keyId)
      .exec()
      .catch(() => undefined);
  }

  async report(onlyKey?: string): Promise<KeyUsage[]> {
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
