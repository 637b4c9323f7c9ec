import { Injectable } from '@nestjs/common';
import {
  MAX_LIMIT,
  Subject,
  type PointId,
  type PointInput,
  type PointRecord,
  type ScrollPage,
  type ServiceName,
  type UpsertResult,
} from '@aip/contracts';
import { CalleeClient, ServiceClient } from '@aip/platform';
import { SyncWorkerConfig } from '../config/sync-worker.config';

/** The vector service over NATS: the one way ingest jobs, reindexing and sources reach it. */
@Injectable()
export class VectorStoreClient extends CalleeClient<ServiceName.Vector> {
  constructor(
    services: ServiceClient,
    private readonly config: SyncWorkerConfig,
  ) {
    super(services);
  }

  /** Stored points among these ids (payloads only), in pages the service accepts. */
  async get(collection: string, ids: PointId[], tenant?: string): Promise<PointRecord[]> {
    const found: PointRecord[] = [];
    for (let at = 0; at < ids.length; at += MAX_LIMIT) {
      const { points } = await this.request(Subject.VectorPointsGet, {
        collection,
        ids: ids.slice(at, at + MAX_LIMIT),
        tenant,
      });
      found.push(...points);
    }
    return found;
  }

  /** Points with `text` are embedded by the service with the collection's model. */
  upsert(collection: string, points: PointInput[], tenant?: string): Promise<UpsertResult> {
    return this.request(
      Subject.VectorPointsUpsert,
      { collection, points, tenant },
      { timeoutMs: this.config.SYNC_WORKER_WRITE_TIMEOUT_MS },
    );
  }

  async deleteWhere(
    collection: string,
    filter: Record<string, unknown>,
    tenant?: string,
  ): Promise<number> {
    const { deleted } = await this.request(
      Subject.VectorPointsDelete,
      { collection, filter, tenant },
      { timeoutMs: this.config.SYNC_WORKER_WRITE_TIMEOUT_MS },
    );
    return deleted;
  }

  scroll(collection: string, limit: number, offset?: PointId): Promise<ScrollPage> {
    return this.request(Subject.VectorPointsScroll, { collection, limit, offset });
  }
}
