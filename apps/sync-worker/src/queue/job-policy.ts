import type { DefaultJobOptions } from 'bullmq';
import type { SyncWorkerConfig } from '../config/sync-worker.config';

/** Finished jobs older than this are dropped whatever their number. */
const KEEP_SECONDS = 7 * 24 * 3600;

/**
 * The one retry policy of every queue: a failing job is tried again after 1, 2, 4, ... times
 * SYNC_WORKER_JOB_BACKOFF_MS, up to SYNC_WORKER_JOB_ATTEMPTS tries, then kept as failed with its
 * reason. Finished jobs stay (up to SYNC_WORKER_KEEP_JOBS per queue, a week at most) so their reports can be read.
 */
export function jobPolicy(config: SyncWorkerConfig): DefaultJobOptions {
  return {
    attempts: config.SYNC_WORKER_JOB_ATTEMPTS,
    backoff: { type: 'exponential', delay: config.SYNC_WORKER_JOB_BACKOFF_MS },
    removeOnComplete: { count: config.SYNC_WORKER_KEEP_JOBS, age: KEEP_SECONDS },
    removeOnFail: { count: config.SYNC_WORKER_KEEP_JOBS, age: KEEP_SECONDS },
  };
}

/** A job whose lock is not renewed for this long counts as stalled and is handed to another worker. */
export function workerLockOptions(config: SyncWorkerConfig) {
  return {
    lockDuration: config.SYNC_WORKER_LOCK_MS,
    stalledInterval: config.SYNC_WORKER_LOCK_MS,
    // A worker killed mid-job more than this often is a job that kills workers: keep it as failed.
    maxStalledCount: MAX_STALLS,
  };
}

const MAX_STALLS = 3;
