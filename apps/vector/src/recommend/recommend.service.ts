import { Injectable } from '@nestjs/common';
import { QdrantClient } from '@qdrant/js-client-rest';
import {
  ErrorCode,
  PlatformError,
  type PointId,
  type PointRecord,
  type RecommendPointsRequest,
} from '@aip/contracts';
import { ownedBy, TENANT_FIELD, tenantFilter } from '@aip/rbac';
import { toRecord } from '../points/point-vectors';
import { qdrantCall } from '../qdrant/qdrant-errors';

/** One spelling per id: Qdrant answers UUIDs lower-case and hyphenated, callers may not. */
export function idKey(id: PointId): string {
  return typeof id === 'number' ? `#${id}` : id.toLowerCase().replace(/-/g, '');
}

/**
 * Points like the positive examples and unlike the negative ones, within the caller's tenant.
 * The examples must be the caller's own points and are never among the answers.
 */
@Injectable()
export class RecommendService {
  constructor(private readonly qdrant: QdrantClient) {}

  async recommend(request: RecommendPointsRequest): Promise<PointRecord[]> {
    const negative = request.negative ?? [];
    const examples = [...request.positive, ...negative];
    await this.checkOwned(request.collection, request.tenant, examples);
    const notExamples = { must_not: [{ has_id: examples }] };
    const { points } = await qdrantCall(
      'recommend',
      () =>
        this.qdrant.query(request.collection, {
          query: {
            recommend: { positive: request.positive, negative, strategy: 'average_vector' },
          },
          filter: tenantFilter(
            request.tenant,
            request.filter ? { must: [request.filter, notExamples] } : notExamples,
          ),
          limit: request.top_k,
          score_threshold: request.score_threshold,
          with_payload: request.with_payload ?? true,
          with_vector: false,
        }),
      { idempotent: true },
    );
    return points.map(toRecord);
  }

  /** Another tenant's point is as unknown to the caller as a missing one: 404 naming them. */
  private async checkOwned(
    collection: string,
    tenant: string | undefined,
    ids: PointId[],
  ): Promise<void> {
    const found = await qdrantCall(
      'read examples',
      () =>
        this.qdrant.retrieve(collection, { ids, with_payload: [TENANT_FIELD], with_vector: false }),
      { idempotent: true },
    );
    const owned = new Set(found.filter((p) => ownedBy(tenant, p.payload)).map((p) => idKey(p.id)));
    const missing = [...new Set(ids.filter((id) => !owned.has(idKey(id))))];
    if (missing.length > 0) {
      throw new PlatformError(
        ErrorCode.NotFound,
        `No point ${missing.join(', ')} in collection ${collection}`,
        { missing },
      );
    }
  }
}
