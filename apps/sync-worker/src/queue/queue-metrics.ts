import { Counter, Gauge, Histogram } from 'prom-client';
import type { Queue } from 'bullmq';
import { registeredMetric } from '@aip/platform';

const STATES = ['waiting', 'prioritized', 'active', 'delayed', 'completed', 'failed'] as const;
/** Job durations range from a one-document ingest to a reindex of a large collection. */
const DURATION_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 1800];

const queues: Queue[] = [];

export const jobDuration = registeredMetric(
  'aip_queue_job_duration_seconds',
  () =>
    new Histogram({
      name: 'aip_queue_job_duration_seconds',
      help: 'Time a job attempt ran, by queue and outcome',
      labelNames: ['queue', 'outcome'],
      buckets: DURATION_BUCKETS,
    }),
);

export const jobsFailed = registeredMetric(
  'aip_queue_jobs_failed_total',
  () =>
    new Counter({
      name: 'aip_queue_jobs_failed_total',
      help: 'Job attempts that failed, by queue',
      labelNames: ['queue'],
    }),
);

/** Jobs per queue and state (aip_queue_jobs), read from Redis when /metrics is scraped. */
export function watchQueueDepth(queue: Queue): void {
  queues.push(queue);
  registeredMetric(
    'aip_queue_jobs',
    () =>
      new Gauge({
        name: 'aip_queue_jobs',
        help: 'Jobs in each queue, by state',
        labelNames: ['queue', 'state'],
        async collect() {
          for (const watched of queues) {
            const counts = await watched.getJobCounts(...STATES).catch(() => undefined);
            if (!counts) continue;
            for (const state of STATES)
              this.set({ queue: watched.name, state }, counts[state] ?? 0);
          }
        },
      }),
  );
}

export function forgetQueue(queue: Queue): void {
  queues.splice(queues.indexOf(queue), 1);
}
