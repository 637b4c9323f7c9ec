import { Inject, Injectable, type BeforeApplicationShutdown } from '@nestjs/common';
import { Worker, type Job } from 'bullmq';
import type { QueueName } from '@aip/contracts';
import { LOGGER, type Logger } from '@aip/platform';
import { SyncWorkerConfig } from '../config/sync-worker.config';
import { workerLockOptions } from './job-policy';
import { jobDuration, jobsFailed } from './queue-metrics';
import { bullConnection } from './redis-connection';

export type JobHandler = (job: Job, token?: string) => Promise<unknown>;

/**
 * The BullMQ workers of this process. On SIGTERM they stop taking jobs and the jobs in flight
 * get SYNC_WORKER_SHUTDOWN_GRACE_MS to finish; jobs still running then keep their progress and
 * are taken over by another worker (or this one, restarted) once their lock lapses.
 */
@Injectable()
export class WorkersService implements BeforeApplicationShutdown {
  private readonly workers: Worker[] = [];

  constructor(
    private readonly config: SyncWorkerConfig,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  start(queue: QueueName, handler: JobHandler): void {
    const worker = new Worker(
      queue,
      async (job, token) => {
        const end = jobDuration.startTimer({ queue });
        try {
          const result = await handler(job, token);
          end({ outcome: 'completed' });
          return result;
        } catch (error) {
          end({ outcome: 'failed' });
          jobsFailed.inc({ queue });
          throw error;
        }
      },
      {
        connection: bullConnection(this.config.REDIS_URL),
        concurrency: this.config.SYNC_WORKER_CONCURRENCY,
        ...workerLockOptions(this.config),
      },
    );
    worker.on('failed', (job, error) =>
      this.logger.warn(
        { queue, jobId: job?.id, attempt: job?.attemptsMade, err: error.message },
        'job attempt failed',
      ),
    );
    worker.on('error', (error) => this.logger.warn({ queue, err: error.message }, 'worker error'));
    this.workers.push(worker);
  }

  async beforeApplicationShutdown(): Promise<void> {
    const graceMs = this.config.SYNC_WORKER_SHUTDOWN_GRACE_MS;
    await Promise.all(
      this.workers.map(async (worker) => {
        let timer: NodeJS.Timeout | undefined;
        const finished = worker.close().then(() => true);
        const timedOut = new Promise<boolean>((resolve) => {
          timer = setTimeout(() => resolve(false), graceMs);
        });
        if (!(await Promise.race([finished, timedOut]))) {
          this.logger.warn({ queue: worker.name, graceMs }, 'jobs still running; releasing them');
          await worker.close(true);
        }
        clearTimeout(timer);
      }),
    );
  }
}
