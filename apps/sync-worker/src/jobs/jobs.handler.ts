import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  IngestJobRef,
  IngestRequest,
  QueueName,
  ReindexRequest,
  Subject,
  type CollectionInfo,
} from '@aip/contracts';
import { Handles } from '@aip/platform';
import { ingestJob } from '../ingest/ingest-request';
import { IngestDocuments } from '../ingest/ingest-documents';
import { contentJobId } from './job-id';
import { JobsService } from './jobs.service';
import { VectorStoreClient } from '../clients/vector-store.client';

/** The sync worker's job API over NATS: the gateway enqueues, reports and cancels through it. */
@Controller()
export class JobsHandler {
  constructor(
    private readonly jobs: JobsService,
    private readonly store: VectorStoreClient,
    private readonly documents: IngestDocuments,
  ) {}

  @Handles(Subject.SyncIngestEnqueue)
  async enqueue(@Payload() request: IngestRequest) {
    const { data, documents } = ingestJob(request);
    // An unknown collection is answered now (404), not found out by a failed job later.
    await this.collection(request.collection);
    const jobId = contentJobId(QueueName.Ingest, { data, documents });
    // Before the job exists, so no worker can take it without them. The same id is the same
    // content, so rewriting them for a request already pending changes nothing.
    await this.documents.put(jobId, documents);
    return this.jobs.enqueue(QueueName.Ingest, jobId, data);
  }

  @Handles(Subject.SyncIngestJob)
  report(@Payload() request: IngestJobRef) {
    return this.jobs.report(request.job_id, request.tenant);
  }

  @Handles(Subject.SyncIngestCancel)
  cancel(@Payload() request: IngestJobRef) {
    return this.jobs.cancel(request.job_id, request.tenant);
  }

  @Handles(Subject.SyncReindex)
  async reindex(@Payload() request: ReindexRequest) {
    await this.collection(request.collection);
    const data = { collection: request.collection, model: request.model };
    return this.jobs.enqueue(QueueName.Reindex, contentJobId(QueueName.Reindex, data), data);
  }

  private collection(name: string): Promise<CollectionInfo> {
    return this.store.request(Subject.VectorCollectionGet, {
      name,
    });
  }
}
