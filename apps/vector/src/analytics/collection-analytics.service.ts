import { Injectable } from '@nestjs/common';
import { QdrantClient } from '@qdrant/js-client-rest';
import type {
  CollectionAnalytics,
  CollectionAnalyticsReply,
  CollectionAnalyticsRequest,
  PayloadFieldAnalytics,
} from '@aip/contracts';
import { CollectionsService } from '../collections/collections.service';
import { qdrantCall } from '../qdrant/qdrant-errors';

function share(part: number, whole: number): number {
  return whole === 0 ? 1 : Math.round(Math.min(1, part / whole) * 1000) / 1000;
}

/**
 * Per-collection figures from Qdrant's collection info. A tenant-scoped caller gets its own
 * point count (an exact count under its tenant filter) and nothing that tells how many points
 * other tenants hold.
 */
@Injectable()
export class CollectionAnalyticsService {
  constructor(
    private readonly qdrant: QdrantClient,
    private readonly collections: CollectionsService,
  ) {}

  async report(request: CollectionAnalyticsRequest): Promise<CollectionAnalyticsReply> {
    const names =
      request.collection !== undefined ? [request.collection] : await this.collections.list();
    return {
      scope: request.tenant === undefined ? 'all' : 'tenant',
      collections: await Promise.all(names.map((name) => this.describe(name, request.tenant))),
    };
  }

  private async describe(name: string, tenant: string | undefined): Promise<CollectionAnalytics> {
    const info = await qdrantCall(`collection ${name}`, () => this.qdrant.getCollection(name), {
      idempotent: true,
    });
    const meta = await this.collections.meta(name);
    const points = info.points_count ?? 0;
    const indexed = info.indexed_vectors_count ?? 0;
    const payloadFields: Record<string, PayloadFieldAnalytics> = {};
    for (const [field, schema] of Object.entries(info.payload_schema)) {
      payloadFields[field] = {
        type: String(schema?.data_type),
        ...(tenant === undefined && typeof schema?.points === 'number'
          ? { points: schema.points }
          : {}),
      };
    }
    const common = {
      name,
      dimension: meta.size,
      distance: meta.distance,
      ...(meta.model ? { model: meta.model } : {}),
      indexed_share: share(indexed, points),
      status: info.status,
      payload_fields: payloadFields,
    };
    if (tenant === undefined)
      return { ...common, points_count: points, indexed_vectors_count: indexed };
    return { ...common, points_count: await this.collections.tenantCount(name, tenant) };
  }
}
