import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import {
  ErrorCode,
  PlatformError,
  QueueName,
  Subject,
  type IngestCounts,
  type PointRecord,
  type ReplyOf,
  type RequestOf,
  type ServiceName,
  type SubjectsOf,
  type UnarySubject,
} from '@aip/contracts';
import { SyncWorkerConfig } from '../config/sync-worker.config';
import { WorkersService } from '../queue/workers.service';
import { emptyCounts } from '../ingest/prepared-document';
import { ReindexGate } from '../ingest/reindex-gate';
import { VectorStoreClient } from '../clients/vector-store.client';
import { CANCELLED_REASON, JobCancellation } from '../queue/job-cancellation';
import { GATE_RENEW_MS } from './reindex-limits';
import { nextTarget } from './reindex-target';
import type { ReindexJobData, ReindexProgress } from './reindex.job';

type VectorSubject = UnarySubject & SubjectsOf<ServiceName.Vector>;

/** Payload fields the vector service writes again when a point is re-embedded. */
const REWRITTEN = ['text', 'created_at', 'embedding_model'];

/**
 * Re-embeds a collection with another model: builds `<name>__v<n>` with that model, copies every
 * point's text and payload into it page by page (the vector service embeds them), then moves the
 * name to it. Readers keep using the old collection until the swap. Ingestion into the name waits
 * meanwhile, so no chunk lands behind the copy; progress is saved after every page and a resumed
 * job goes on from there.
 */
@Injectable()
export class ReindexProcessor implements OnApplicationBootstrap {
  constructor(
    private readonly workers: WorkersService,
    private readonly store: VectorStoreClient,
    private readonly gate: ReindexGate,
    private readonly cancellation: JobCancellation,
    private readonly config: SyncWorkerConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.workers.start(QueueName.Reindex, (job) => this.process(job as Job<ReindexJobData>));
  }

  async process(job: Job<ReindexJobData>): Promise<{ counts: IngestCounts; target: string }> {
    const { collection } = job.data;
    await this.gate.close(collection);
    const renew = setInterval(
      () => void this.gate.close(collection).catch(() => undefined),
      GATE_RENEW_MS,
    );
    try {
      const progress = await this.begin(job);
      if (progress.phase === 'copying') await this.copy(job, progress);
      progress.phase = 'swapping';
      await job.updateProgress(progress);
      await this.write(Subject.VectorAliasesSwap, {
        name: collection,
        target: progress.target,
      });
      progress.phase = 'done';
      progress.percent = 100;
      await job.updateProgress(progress);
      return { counts: progress.counts, target: progress.target };
    } catch (error) {
      if (error instanceof UnrecoverableError && error.message === CANCELLED_REASON)
        await this.dropTarget(job);
      if (error instanceof PlatformError && error.code === ErrorCode.ValidationFailed)
        throw new UnrecoverableError(error.message);
      throw error;
    } finally {
      clearInterval(renew);
      await this.gate.open(collection);
    }
  }

  /** The saved progress of an interrupted run, or a new target collection with the new model. */
  private async begin(job: Job<ReindexJobData>): Promise<ReindexProgress> {
    const saved = job.progress as ReindexProgress | number;
    if (typeof saved === 'object' && saved.target) return saved;
    const { collection, model } = job.data;
    const from = (await this.write(Subject.VectorAliasesResolve, { name: collection })).collection;
    const info = await this.write(Subject.VectorCollectionGet, { name: from });
    const target = nextTarget(collection, from);
    const progress: ReindexProgress = {
      percent: 0,
      phase: 'copying',
      target,
      from,
      offset: null,
      total: info.points_count,
      counts: { ...emptyCounts(), documents: info.points_count },
    };
    // Left over from a run that died before it saved its progress.
    await this.write(Subject.VectorCollectionDelete, { name: target }).catch(() => undefined);
    await this.write(Subject.VectorCollectionCreate, {
      name: target,
      model,
      distance: info.distance,
      payload_schema: info.payload_schema,
    });
    await job.updateProgress(progress);
    return progress;
  }

  private async copy(job: Job<ReindexJobData>, progress: ReindexProgress): Promise<void> {
    do {
      if (await this.cancellation.isCancelled(job.id!))
        throw new UnrecoverableError(CANCELLED_REASON);
      const page = await this.store.scroll(
        progress.from,
        this.config.SYNC_WORKER_BATCH_CHUNKS,
        progress.offset ?? undefined,
      );
      const withText = page.points.filter((p) => typeof p.payload['text'] === 'string');
      for (const p of page.points.filter((p) => !withText.includes(p))) {
        progress.counts.failed++;
        progress.counts.errors.push({
          source_uid: String(p.id),
          error: 'point has no text to embed again',
        });
      }
      if (withText.length > 0) {
        const { embedded } = await this.store.upsert(progress.target, withText.map(reembedded));
        progress.counts.embedded += embedded;
        progress.counts.upserted += withText.length;
      }
      progress.counts.chunks += page.points.length;
      progress.offset = page.next_offset;
      progress.percent = Math.min(
        99,
        Math.floor((progress.counts.chunks / Math.max(1, progress.total)) * 100),
      );
      await job.updateProgress(progress);
    } while (progress.offset !== null);
  }

  /** A cancelled reindex leaves nothing behind: the name still points at the old collection. */
  private async dropTarget(job: Job<ReindexJobData>): Promise<void> {
    const progress = job.progress as ReindexProgress | number;
    if (typeof progress === 'object' && progress.target && progress.phase === 'copying')
      await this.write(Subject.VectorCollectionDelete, { name: progress.target });
  }

  /** A call that may copy or drop a whole collection gets the write timeout. */
  private write<S extends VectorSubject>(subject: S, payload: RequestOf<S>): Promise<ReplyOf<S>> {
    return this.store.request(subject, payload, {
      timeoutMs: this.config.SYNC_WORKER_WRITE_TIMEOUT_MS,
    });
  }
}

/** A stored point as an upsert that embeds its text with the target collection's model. */
function reembedded(point: PointRecord) {
  const payload = Object.fromEntries(
    Object.entries(point.payload).filter(([k]) => !REWRITTEN.includes(k)),
  );
  return { id: point.id, text: point.payload['text'] as string, payload };
}
