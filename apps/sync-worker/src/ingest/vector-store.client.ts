import { Injectable } from '@nestjs/common';
import {
  MAX_LIMIT,
  ServiceName,
  Subject,
  type PointId,
  type PointInput,
  type PointRecord,
  type UpsertResult,
} from '@aip/contracts';
import { ServiceClient } from '@aip/platform';
import { SyncWorkerConfig } from '../config/sync-worker.config';

/** The vector service's point subjects, as the ingest pipeline uses them. */
@Injectable()
export class VectorStoreClient {
  constructor(
    private readonly services: ServiceClient,
    private readonly config: SyncWorkerConfig,
  ) {}

  /** Stored points among these ids (payloads only), in pages the service accepts. */
  async get(collection: string, ids: PointId[], tenant?: string): Promise<PointRecord[]> {
    const found: PointRecord[] = [];
    for (let at = 0; at < ids.length; at += MAX_LIMIT) {
      const { points } = await this.services.request<{ points: PointRecord[] }>(
        ServiceName.Vector,
        Subject.VectorPointsGet,
        { collection, ids: ids.slice(at, at + MAX_LIMIT), tenant },
      );
      found.push(...points);
    }
    return found;
  }

  /** Points with `text` are embedded by the service with the collection's model. */
  upsert(collection: string, points: PointInput[], tenant?: string): Promise<UpsertResult> {
    return this.services.request<UpsertResult>(
      ServiceName.Vector,
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
    const { deleted } = await this.services.request<{ deleted: number }>(
      ServiceName.Vector,
      Subject.VectorPointsDelete,
      { collection, filter, tenant },
      { timeoutMs: this.config.SYNC_WORKER_WRITE_TIMEOUT_MS },
    );
    return deleted;
  }

  scroll(
    collection: string,
    limit: number,
    offset?: PointId,
  ): Promise<{ points: PointRecord[]; next_offset: PointId | null }> {
    return this.services.request(ServiceName.Vector, Subject.VectorPointsScroll, {
      collection,
      limit,
      offset,
    });
  }
}
