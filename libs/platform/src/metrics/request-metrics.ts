import { Injectable } from '@nestjs/common';
import { Counter, Histogram } from 'prom-client';
import { registeredMetric } from './registered-metric';

export type Transport = 'http' | 'nats';
export type Outcome = 'success' | 'client_error' | 'server_error';

const LABELS = ['transport', 'route', 'outcome'] as const;

/** One counter and one latency histogram per HTTP route or NATS subject, labelled by outcome. */
@Injectable()
export class RequestMetrics {
  private readonly requests = registeredMetric(
    'aip_requests_total',
    () =>
      new Counter({
        name: 'aip_requests_total',
        help: 'Requests handled, by transport, route or subject, and outcome',
        labelNames: LABELS,
      }),
  );

  private readonly duration = registeredMetric(
    'aip_request_duration_seconds',
    () =>
      new Histogram({
        name: 'aip_request_duration_seconds',
        help: 'Time to handle a request, by transport, route or subject, and outcome',
        labelNames: LABELS,
        buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      }),
  );

  observe(transport: Transport, route: string, outcome: Outcome, seconds: number): void {
    const labels = { transport, route, outcome };
    this.requests.inc(labels);
    this.duration.observe(labels, seconds);
  }
}

export function outcomeForStatus(status: number): Outcome {
  if (status >= 500) return 'server_error';
  if (status >= 400) return 'client_error';
  return 'success';
}
