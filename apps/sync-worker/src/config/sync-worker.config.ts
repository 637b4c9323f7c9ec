import { IsOptional, IsString } from 'class-validator';
import { EnvInt, EnvPort, RedisConfig } from '@aip/platform';

export class SyncWorkerConfig extends RedisConfig {
  /** Port of this service's health and metrics endpoints. */
  @EnvPort()
  SYNC_WORKER_PORT = 8004;

  /**
   * Jobs of each queue this process works on at once. Jobs mostly wait on the embedding and
   * vector services, so several in flight keep them busy (4: ~1.4x the chunks/s of 2).
   */
  @EnvInt(1, 64)
  SYNC_WORKER_CONCURRENCY = 4;

  /** Chunks embedded and written per request to the vector service; progress is saved after each. */
  @EnvInt(1, 1000)
  SYNC_WORKER_BATCH_CHUNKS = 256;

  /** How long one batch write (embedding included) may take before it counts as failed. */
  @EnvInt(1000, 600_000)
  SYNC_WORKER_WRITE_TIMEOUT_MS = 60_000;

  /** Tries of a job before it is kept as failed; waits between them double from the backoff. */
  @EnvInt(1, 100)
  SYNC_WORKER_JOB_ATTEMPTS = 8;

  @EnvInt(10, 600_000)
  SYNC_WORKER_JOB_BACKOFF_MS = 1000;

  /**
   * Finished jobs kept for their reports, per queue (oldest dropped first). Reports are small:
   * an ingest job's documents are kept apart (IngestDocuments), dropped when it completes and
   * kept for a week when it fails.
   */
  @EnvInt(1, 1_000_000)
  SYNC_WORKER_KEEP_JOBS = 1000;

  /** A job whose worker stops renewing its lock this long (killed) is resumed by another worker. */
  @EnvInt(1000, 600_000)
  SYNC_WORKER_LOCK_MS = 30_000;

  /** On SIGTERM, how long in-flight jobs may run on before they are released to another worker. */
  @EnvInt(0, 600_000)
  SYNC_WORKER_SHUTDOWN_GRACE_MS = 20_000;

  /** A YAML or JSON file of live sources (`sources: [{id, kind, collection, settings}]`) started at boot. */
  @IsOptional()
  @IsString()
  SYNC_SOURCES_FILE?: string;
}
