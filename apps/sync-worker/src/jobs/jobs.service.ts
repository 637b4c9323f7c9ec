import { Injectable } from '@nestjs/common';
import type { Job, JobsOptions } from 'bullmq';
import {
  ErrorCode,
  PlatformError,
  type IngestCounts,
  type IngestJobReport,
  type JobAccepted,
  type JobState,
  type QueueName,
} from '@aip/contracts';
import { emptyCounts } from '../ingest/prepared-document';
import { QueuesService } from '../queue/queues.service';
import { CANCELLED_REASON, JobCancellation } from '../queue/job-cancellation';
import { queueOfJobId } from './job-id';

/** What every job's data and progress carry, whichever queue it is on. */
interface ReportedData {
  collection: string;
  tenant?: string;
  model?: string;
}
interface ReportedProgress {
  percent?: number;
  counts?: IngestCounts;
  target?: string;
}

const FINISHED = new Set(['completed', 'failed']);

function stateOf(job: Job, state: string): JobState {
  if (state === 'failed' && job.failedReason === CANCELLED_REASON) return 'cancelled';
  if (state === 'active' || state === 'delayed' || FINISHED.has(state)) return state as JobState;
  return 'waiting';
}

/** Adding jobs under content-derived ids, reporting on them, and cancelling them. */
@Injectable()
export class JobsService {
  constructor(
    private readonly queues: QueuesService,
    private readonly cancellation: JobCancellation,
  ) {}

  /**
   * A pending job with this id is the same request again: it is answered, not added twice. A
   * finished one is replaced by a fresh run (which, on unchanged content, changes nothing).
   */
  async enqueue(
    queue: QueueName,
    jobId: string,
    data: object,
    options: JobsOptions = {},
  ): Promise<JobAccepted> {
    const existing = await this.queues.queue(queue).getJob(jobId);
    if (existing) {
      const state = await existing.getState();
      if (!FINISHED.has(state)) return { job_id: jobId, state: stateOf(existing, state) };
      await existing.remove();
    }
    await this.cancellation.clear(jobId);
    await this.queues.queue(queue).add(queue, data, { ...options, jobId });
    return { job_id: jobId, state: 'waiting' };
  }

  async report(jobId: string, tenant: string | undefined): Promise<IngestJobReport> {
    const job = await this.find(jobId, tenant);
    const state = stateOf(job, await job.getState());
    const data = job.data as ReportedData;
    const progress = (typeof job.progress === 'object' ? job.progress : {}) as ReportedProgress;
    const counts =
      state === 'completed' && job.returnvalue?.counts
        ? (job.returnvalue.counts as IngestCounts)
        : (progress.counts ?? emptyCounts());
    return {
      job_id: jobId,
      kind: job.queueName as 'ingest' | 'reindex',
      collection: data.collection,
      state,
      progress: state === 'completed' ? 100 : (progress.percent ?? 0),
      counts,
      attempts: job.attemptsMade,
      ...(job.failedReason && state !== 'completed' ? { failed_reason: job.failedReason } : {}),
      created_at: new Date(job.timestamp).toISOString(),
      ...(job.finishedOn
        ? {
            finished_at: new Date(job.finishedOn).toISOString(),
            duration_ms: job.finishedOn - (job.processedOn ?? job.timestamp),
          }
        : {}),
      ...(progress.target ? { target_collection: progress.target } : {}),
      ...(data.model ? { model: data.model } : {}),
    };
  }

  /** A pending job is stopped before or between its batches; a finished one cannot be. */
  async cancel(jobId: string, tenant: string | undefined): Promise<IngestJobReport> {
    const job = await this.find(jobId, tenant);
    const state = await job.getState();
    if (FINISHED.has(state))
      throw new PlatformError(ErrorCode.Conflict, `Job ${jobId} has already ${state}`, { state });
    await this.cancellation.cancel(jobId);
    // A job waiting out a retry delay is run now, so it stops now.
    if (state === 'delayed') await job.promote();
    return this.report(jobId, tenant);
  }

  /** Another tenant's job is reported as missing, like one that never existed. */
  private async find(jobId: string, tenant: string | undefined): Promise<Job> {
    const queue = queueOfJobId(jobId);
    const job = queue ? await this.queues.queue(queue).getJob(jobId) : undefined;
    if (!job || (job.data as ReportedData).tenant !== tenant)
      throw new PlatformError(ErrorCode.NotFound, `Job ${jobId} not found`);
    return job;
  }
}
