import { Injectable, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { QueueName } from '@aip/contracts';
import { SyncWorkerConfig } from '../config/sync-worker.config';
import { jobPolicy } from './job-policy';
import { forgetQueue, watchQueueDepth } from './queue-metrics';
import { bullConnection } from './redis-connection';

/** The BullMQ queues this process adds jobs to and reports on, with the one retry policy. */
@Injectable()
export class QueuesService implements OnModuleInit, OnApplicationShutdown {
  private readonly queues = new Map<QueueName, Queue>();
  private connection?: Redis;

  constructor(private readonly config: SyncWorkerConfig) {}

  /** Every queue from the start, so /metrics reports their depth before the first job. */
  onModuleInit(): void {
    for (const name of Object.values(QueueName)) this.queue(name);
  }

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      this.connection ??= bullConnection(this.config.REDIS_URL);
      queue = new Queue(name, {
        connection: this.connection,
        defaultJobOptions: jobPolicy(this.config),
      });
      watchQueueDepth(queue);
      this.queues.set(name, queue);
    }
    return queue;
  }

  async onApplicationShutdown(): Promise<void> {
    for (const queue of this.queues.values()) {
      forgetQueue(queue);
      await queue.close();
    }
    this.connection?.disconnect();
  }
}
