import { Module } from '@nestjs/common';
import { IngestModule } from '../ingest/ingest.module';
import { IngestDocuments } from '../ingest/ingest-documents';
import { IngestProcessor } from '../ingest/ingest.processor';
import { QueuesService } from '../queue/queues.service';
import { WorkersService } from '../queue/workers.service';
import { ReindexProcessor } from '../reindex/reindex.processor';
import { JobCancellation } from '../queue/job-cancellation';
import { JobsHandler } from './jobs.handler';
import { JobsService } from './jobs.service';

/** The ingest and reindex queues: their workers, and the NATS API that enqueues and reports. */
@Module({
  imports: [IngestModule],
  controllers: [JobsHandler],
  providers: [
    QueuesService,
    WorkersService,
    JobsService,
    JobCancellation,
    IngestDocuments,
    IngestProcessor,
    ReindexProcessor,
  ],
  exports: [QueuesService],
})
export class JobsModule {}
