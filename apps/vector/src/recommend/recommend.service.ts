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
import { idKey, payloadSelection, storedIdsOf, tenantIdFilter } from '../tenancy/tenant-point-ids';

/**
 * Points like the positive examples and unlike the negative ones, within the caller's tenant.
 * The examples must be the caller's own points and are never among the answers.
 */
@Injectable()
export class RecommendService {
  constructor(private readonly qdrant: QdrantClient) {}

  async recommend(request: RecommendPointsRequest): Promise<PointRecord[]> {
    const negative = request.negative ?? [];
    const stored = await this.storedExamples(request.collection, request.tenant, [
      ...request.positive,
      ...negative,
    ]);
    const storedOf = (ids: PointId[]) => ids.flatMap((id) => stored.get(idKey(id))!);
    const examples = [...stored.values()].flat();
    const notExamples = { must_not: [{ has_id: examples }] };
    const given = tenantIdFilter(request.tenant, request.filter);
    const { points } = await qdrantCall(
      'recommend',
      () =>
        this.qdrant.query(request.collection, {
          query: {
            recommend: {
              positive: storedOf(request.positive),
              negative: storedOf(negative),
              strategy: 'average_vector',
            },
          },
          filter: tenantFilter(
            request.tenant,
            given ? { must: [given, notExamples] } : notExamples,
          ),
          limit: request.top_k,
          score_threshold: request.score_threshold,
          with_payload: payloadSelection(request.tenant, request.with_payload),
          with_vector: false,
        }),
      { idempotent: true },
    );
    return points.map((p) => toRecord(p, request.tenant));
  }

  /**
   * The stored ids of each example, by idKey. Another tenant's point is as unknown to the
   * caller as a missing one: 404 naming them.
   */
  private async storedExamples(
    collection: string,
    tenant: string | undefined,
    ids: PointId[],
  ): Promise<Map<string, PointId[]>> {
    const found = await qdrantCall(
      'read examples',
      () =>
        this.qdrant.retrieve(collection, {
          ids: storedIdsOf(tenant, ids),
          with_payload: [TENANT_FIELD],
          with_vector: false,
        }),
      { idempotent: true },
    );
    const owned = new Set(found.filter((p) => ownedBy(tenant, p.payload)).map((p) => idKey(p.id)));
    const stored = new Map(
      ids.map((id) => [
        idKey(id),
        storedIdsOf(tenant, [id]).filter((candidate) => owned.has(idKey(candidate))),
      ]),
    );
    const missing = [...new Set(ids.filter((id) => stored.get(idKey(id))!.length === 0))];
    if (missing.length > 0) {
      throw new PlatformError(
        ErrorCode.NotFound,
        `No point ${missing.join(', ')} in collection ${collection}`,
        { missing },
      );
    }
    return stored;
  }
}
