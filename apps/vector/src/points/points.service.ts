import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { QdrantClient } from '@qdrant/js-client-rest';
import {
  ErrorCode,
  PlatformError,
  type DeletePointsRequest,
  type GetPointsRequest,
  type PointId,
  type PointRecord,
  type ScrollPointsRequest,
  type UpsertPointsRequest,
  type UpsertResult,
} from '@aip/contracts';
import { ownedBy, TENANT_FIELD, tenantFilter, tenantPayload } from '@aip/rbac';
import { CollectionsService } from '../collections/collections.service';
import { qdrantCall } from '../qdrant/qdrant-errors';
import { checkDimension, pointVectors, toRecord } from './point-vectors';
import { TextEmbedder } from './text-embedder';
import { pointsUpserted } from '../metrics/vector-metrics';

type Payload = Record<string, unknown>;

/**
 * Points of a collection, always within the caller's tenant: reads and deletes are filtered
 * by tenant_id, writes are stamped with it, and a write can never replace another tenant's point.
 */
@Injectable()
export class PointsService {
  constructor(
    private readonly qdrant: QdrantClient,
    private readonly collections: CollectionsService,
    private readonly embedder: TextEmbedder,
  ) {}

  async upsert(request: UpsertPointsRequest): Promise<UpsertResult> {
    const meta = await this.collections.meta(request.collection);
    const toEmbed = request.points
      .map((p, i) => ({ p, i }))
      .filter(({ p }) => p.vector === undefined);
    for (const { p, i } of toEmbed) {
      if (p.text === undefined)
        throw new PlatformError(
          ErrorCode.ValidationFailed,
          `points[${i}] needs a vector or a text`,
        );
      if (!meta.model)
        throw new PlatformError(
          ErrorCode.ValidationFailed,
          `points[${i}]: collection ${request.collection} has no embedding model; send vectors`,
        );
    }
    // Every text also gets its keyword vector where the collection keeps them, even beside a
    // given dense vector, so keyword and hybrid search find it.
    const withText = meta.keyword ? request.points.filter((p) => p.text !== undefined) : [];
    const [embedded, sparse] = await Promise.all([
      toEmbed.length > 0
        ? this.embedder.embed(
            meta.model!,
            toEmbed.map(({ p }) => p.text!),
          )
        : [],
      withText.length > 0
        ? this.embedder.sparse(
            withText.map((p) => p.text!),
            'document',
          )
        : [],
    ]);
    const embeddedAt = new Map(toEmbed.map(({ i }, k) => [i, embedded[k]]));
    const sparseOf = new Map(withText.map((p, k) => [p, sparse[k]]));
    const now = new Date().toISOString();
    const points = request.points.map((p, i) => {
      const vector = p.vector ?? embeddedAt.get(i)!;
      checkDimension(meta, vector, `points[${i}]`);
      const owned: Payload = { created_at: now };
      if (p.text !== undefined) owned['text'] = p.text;
      if (p.vector === undefined && meta.model) owned['embedding_model'] = meta.model;
      return {
        id: p.id ?? randomUUID(),
        vector: pointVectors(meta, vector, sparseOf.get(p)),
        payload: tenantPayload(request.tenant, { ...(p.payload ?? {}), ...owned }),
      };
    });
    await this.refuseForeignIds(
      request.collection,
      request.tenant,
      points.map((p) => p.id),
    );
    await qdrantCall(
      'upsert',
      () => this.qdrant.upsert(request.collection, { wait: true, points }),
      { idempotent: true },
    );
    pointsUpserted.inc({ collection: request.collection }, points.length);
    return { ids: points.map((p) => p.id), embedded: embedded.length };
  }

  /** An id already used by another tenant is refused rather than overwritten. */
  private async refuseForeignIds(
    collection: string,
    tenant: string | undefined,
    ids: PointId[],
  ): Promise<void> {
    if (tenant === undefined) return;
    const existing = await qdrantCall(
      'read',
      () =>
        this.qdrant.retrieve(collection, { ids, with_payload: [TENANT_FIELD], with_vector: false }),
      { idempotent: true },
    );
    const foreign = existing.filter((p) => !ownedBy(tenant, p.payload));
    if (foreign.length > 0) {
      throw new PlatformError(
        ErrorCode.Conflict,
        `Point ids already in use: ${foreign.map((p) => p.id).join(', ')}`,
      );
    }
  }

  async get(request: GetPointsRequest): Promise<PointRecord[]> {
    const points = await qdrantCall(
      'read',
      () =>
        this.qdrant.retrieve(request.collection, {
          ids: request.ids,
          with_payload: true,
          with_vector: false,
        }),
      { idempotent: true },
    );
    return points.filter((p) => ownedBy(request.tenant, p.payload)).map(toRecord);
  }

  async delete(request: DeletePointsRequest): Promise<{ deleted: number }> {
    if (!request.ids && !request.filter)
      throw new PlatformError(ErrorCode.ValidationFailed, 'Give ids or filter');
    const byIds = request.ids ? { must: [{ has_id: request.ids }] } : undefined;
    const filter = tenantFilter(
      request.tenant,
      request.filter ? (byIds ? { must: [byIds, request.filter] } : request.filter) : byIds,
    );
    const { count } = await qdrantCall(
      'count',
      () => this.qdrant.count(request.collection, { filter, exact: true }),
      { idempotent: true },
    );
    await qdrantCall('delete', () =>
      this.qdrant.delete(request.collection, { wait: true, filter: filter! }),
    );
    return { deleted: count };
  }

  async scroll(
    request: ScrollPointsRequest,
  ): Promise<{ points: PointRecord[]; next_offset: PointId | null }> {
    const page = await qdrantCall(
      'scroll',
      () =>
        this.qdrant.scroll(request.collection, {
          filter: tenantFilter(request.tenant, request.filter),
          limit: request.limit,
          offset: request.offset,
          with_payload: true,
          with_vector: false,
        }),
      { idempotent: true },
    );
    return {
      points: page.points.map(toRecord),
      next_offset: (page.next_page_offset as PointId | null | undefined) ?? null,
    };
  }
}
