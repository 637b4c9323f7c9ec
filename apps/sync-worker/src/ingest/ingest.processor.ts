import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import { ErrorCode, PlatformError, QueueName, type IngestCounts } from '@aip/contracts';
import { WorkersService } from '../queue/workers.service';
import { emptyCounts } from './prepared-document';
import { CANCELLED_REASON, JobCancellation } from '../queue/job-cancellation';
import type { IngestJobData, IngestProgress } from './ingest.job';
import { IngestDocuments } from './ingest-documents';
import { VectorDocumentSink } from './vector-document-sink';

/** Errors no retry can fix: the job fails at once with the reason. */
const PERMANENT = new Set<string>([ErrorCode.NotFound, ErrorCode.Forbidden, ErrorCode.Conflict]);

function merge(before: IngestCounts, now: IngestCounts): IngestCounts {
  return {
    documents: before.documents + now.documents,
    chunks: before.chunks + now.chunks,
    embedded: before.embedded + now.embedded,
    upserted: before.upserted + now.upserted,
    skipped: before.skipped + now.skipped,
    deleted: before.deleted + now.deleted,
    failed: before.failed + now.failed,
    errors: [...before.errors, ...now.errors],
  };
}

/**
 * Runs ingest jobs through the document sink. Progress (documents done and counts) is saved after
 * every batch; a job resumed after a crash or a retry skips the documents already done, and the
 * deterministic ids make redoing the batch in flight harmless.
 */
@Injectable()
export class IngestProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly workers: WorkersService,
    private readonly sink: VectorDocumentSink,
    private readonly cancellation: JobCancellation,
    private readonly documents: IngestDocuments,
  ) {}

  onApplicationBootstrap(): void {
    this.workers.start(QueueName.Ingest, (job) => this.process(job as Job<IngestJobData>));
  }

  async process(job: Job<IngestJobData>): Promise<{ counts: IngestCounts }> {
    const { collection, source, tenant, chunking } = job.data;
    const jobId = job.id!;
    const saved = job.progress as Partial<IngestProgress> | number;
    const start = typeof saved === 'object' ? (saved.documents_done ?? 0) : 0;
    const before = typeof saved === 'object' && saved.counts ? saved.counts : emptyCounts();
    const stopIfCancelled = async (): Promise<void> => {
      if (await this.cancellation.isCancelled(jobId))
        throw new UnrecoverableError(CANCELLED_REASON);
    };
    await stopIfCancelled();
    try {
      const documents = await this.documents.get(jobId);
      const counts = await this.sink.write(collection, source, documents.slice(start), {
        tenant,
        chunking,
        onBatch: async (now, done) => {
          const progress: IngestProgress = {
            percent: Math.floor(((start + done) / documents.length) * 100),
            documents_done: start + done,
            counts: { ...merge(before, now), documents: documents.length },
          };
          await job.updateProgress(progress);
          await stopIfCancelled();
        },
      });
      await this.documents.remove(jobId);
      return { counts: { ...merge(before, counts), documents: documents.length } };
    } catch (error) {
      if (error instanceof PlatformError && PERMANENT.has(error.code)) {
        await this.documents.remove(jobId);
        throw new UnrecoverableError(error.message);
      }
      throw error;
    }
  }
}
