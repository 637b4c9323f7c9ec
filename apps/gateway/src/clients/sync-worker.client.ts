import { Injectable } from '@nestjs/common';
import type { ServiceName } from '@aip/contracts';
import { CalleeClient } from '@aip/platform';

/** The sync-worker over NATS: ingest jobs, reindexing and live sources. */
@Injectable()
export class SyncWorkerClient extends CalleeClient<ServiceName.SyncWorker> {}
