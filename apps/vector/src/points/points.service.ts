import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { QdrantClient } from '@qdrant/js-client-rest';
import {
  ErrorCode,
  PlatformError,
  type DeletePointsRequest,
  type GetPointsRequest,
  type DeleteResult,
  type PointId,
  type PointRecord,
  type ScrollPage,
  type ScrollPointsRequest,
  type UpsertPointsRequest,
  type UpsertResult,
} from '@aip/contracts';
import { ownedBy, TENANT_FIELD, tenantFilter, tenantPayload } from '@aip/rbac';
import { CollectionsService } from '../collections/collections.service';
import { qdrantCall } from '../qdrant/qdrant-errors';
import {
  canonicalPointId,
  idKey,
  namespacedId,
  storedIdsOf,
  TENANT_POINT_ID_FIELD,
  tenantIdFilter,
} from '../tenancy/tenant-point-ids';
import { checkDimension, pointVectors, toRecord } from './point-vectors';
import { TextEmbedder } from './text-embedder';
import { pointsUpserted } from '../metrics/vector-metrics';

type Payload = Record<string, unknown>;

/**
 * Points of a collection, always within the caller's tenant: reads and deletes are filtered
 * by tenant_id, writes are stamped with it, and each tenant's ids are its own (see
 * namespacedId), so a write can never replace, nor meet, another tenant's point.
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
    const ids = request.points.map((p) => p.id ?? randomUUID());
    const stored = await this.placement(request.collection, request.tenant, request.points, ids);
    const now = new Date().toISOString();
    const points = request.points.map((p, i) => {
      const vector = p.vector ?? embeddedAt.get(i)!;
      checkDimension(meta, vector, `points[${i}]`);
      const owned: Payload = { created_at: now };
      if (p.text !== undefined) owned['text'] = p.text;
      if (p.vector === undefined && meta.model) owned['embedding_model'] = meta.model;
      const payload = tenantPayload(request.tenant, { ...(p.payload ?? {}), ...owned });
      if (request.tenant !== undefined) {
        delete payload[TENANT_POINT_ID_FIELD];
        if (stored[i] !== ids[i]) payload[TENANT_POINT_ID_FIELD] = canonicalPointId(ids[i]);
      }
      return { id: stored[i], vector: pointVectors(meta, vector, sparseOf.get(p)), payload };
    });
    await qdrantCall(
      'upsert',
      () => this.qdrant.upsert(request.collection, { wait: true, points }),
      { idempotent: true },
    );
    pointsUpserted.inc({ collection: request.collection }, points.length);
    return { ids, embedded: embedded.length };
  }

  /**
   * The stored id of each point. A tenant's id names the point stored under it where that point
   * is already the tenant's (written before ids were namespaced, or for the tenant by a caller
   * without one), else its namespaced id; which of the two never depends on other tenants'
   * points. Generated ids are random and stay as they are. Without a tenant, ids are as given.
   */
  private async placement(
    collection: string,
    tenant: string | undefined,
    inputs: { id?: PointId }[],
    ids: PointId[],
  ): Promise<PointId[]> {
    if (tenant === undefined) return ids;
    const chosen = inputs.flatMap((p) => (p.id === undefined ? [] : [p.id]));
    const existing =
      chosen.length === 0
        ? []
        : await qdrantCall(
            'read',
            () =>
              this.qdrant.retrieve(collection, {
                ids: chosen,
                with_payload: [TENANT_FIELD],
                with_vector: false,
              }),
            { idempotent: true },
          );
    const held = new Set(
      existing.filter((p) => ownedBy(tenant, p.payload)).map((p) => idKey(p.id)),
    );
    return ids.map((id, i) =>
      inputs[i].id === undefined || held.has(idKey(id)) ? id : namespacedId(tenant, id),
    );
  }

  async get(request: GetPointsRequest): Promise<PointRecord[]> {
    const points = await qdrantCall(
      'read',
      () =>
        this.qdrant.retrieve(request.collection, {
          ids: storedIdsOf(request.tenant, request.ids),
          with_payload: true,
          with_vector: false,
        }),
      { idempotent: true },
    );
    return points
      .filter((p) => ownedBy(request.tenant, p.payload))
      .map((p) => toRecord(p, request.tenant));
  }

  async delete(request: DeletePointsRequest): Promise<DeleteResult> {
    if (!request.ids && !request.filter)
      throw new PlatformError(ErrorCode.ValidationFailed, 'Give ids or filter');
    const byIds = request.ids
      ? { must: [{ has_id: storedIdsOf(request.tenant, request.ids) }] }
      : undefined;
    const given = tenantIdFilter(request.tenant, request.filter);
    const filter = tenantFilter(
      request.tenant,
      given ? (byIds ? { must: [byIds, given] } : given) : byIds,
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

  async scroll(request: ScrollPointsRequest): Promise<ScrollPage> {
    const page = await qdrantCall(
      'scroll',
      () =>
        this.qdrant.scroll(request.collection, {
          filter: tenantFilter(request.tenant, tenantIdFilter(request.tenant, request.filter)),
          limit: request.limit,
          offset: request.offset,
          with_payload: true,
          with_vector: false,
        }),
      { idempotent: true },
    );
    return {
      points: page.points.map((p) => toRecord(p, request.tenant)),
      next_offset: (page.next_page_offset as PointId | null | undefined) ?? null,
    };
  }
}
