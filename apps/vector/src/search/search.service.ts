import { Injectable } from '@nestjs/common';
import { QdrantClient } from '@qdrant/js-client-rest';
import {
  ErrorCode,
  MAX_BATCH_RESULTS,
  PlatformError,
  type SearchBatchRequest,
  type SearchBatchResult,
  type SearchMode,
  type SearchPointsRequest,
  type SearchQuery,
  type SearchResult,
} from '@aip/contracts';
import { tenantFilter } from '@aip/rbac';
import { CollectionsService } from '../collections/collections.service';
import { checkDimension, toRecord } from '../points/point-vectors';
import { TextEmbedder } from '../points/text-embedder';
import { qdrantCall } from '../qdrant/qdrant-errors';
import { payloadSelection, tenantIdFilter } from '../tenancy/tenant-point-ids';
import { buildQuery, planQuery, type QueryRequest } from './search-query';

type Hits = Awaited<ReturnType<QdrantClient['query']>>;

/**
 * Dense, keyword and hybrid search, alone or in batches, always within the caller's tenant.
 * A batch embeds the texts of all its queries in one dense and one sparse request.
 */
@Injectable()
export class SearchService {
  constructor(
    private readonly qdrant: QdrantClient,
    private readonly collections: CollectionsService,
    private readonly embedder: TextEmbedder,
  ) {}

  async search(request: SearchPointsRequest): Promise<SearchResult> {
    const [query] = await this.prepare(request.collection, request.tenant, [request], '');
    const hits = await qdrantCall(
      'search',
      () => this.qdrant.query(request.collection, query.request),
      { idempotent: true },
    );
    return { mode: query.mode, points: hits.points.map((p) => toRecord(p, request.tenant)) };
  }

  async searchBatch(request: SearchBatchRequest): Promise<SearchBatchResult> {
    const total = request.queries.reduce((sum, query) => sum + query.limit, 0);
    if (total > MAX_BATCH_RESULTS)
      throw new PlatformError(
        ErrorCode.ValidationFailed,
        `The queries ask for ${total} results in all (the sum of their top_k); a batch returns at most ${MAX_BATCH_RESULTS}`,
        { limit: MAX_BATCH_RESULTS, got: total },
      );
    const queries = await this.prepare(
      request.collection,
      request.tenant,
      request.queries,
      'queries',
    );
    const answers: Hits[] = await qdrantCall(
      'batch search',
      () => this.qdrant.queryBatch(request.collection, { searches: queries.map((q) => q.request) }),
      { idempotent: true },
    );
    return {
      results: answers.map((answer, i) => ({
        mode: queries[i].mode,
        points: answer.points.map((p) => toRecord(p, request.tenant)),
      })),
    };
  }

  /** Plans every query, embeds all their texts at once, and builds their Qdrant requests. */
  private async prepare(
    collection: string,
    tenant: string | undefined,
    queries: SearchQuery[],
    field: string,
  ): Promise<{ mode: SearchMode; request: QueryRequest }[]> {
    const meta = await this.collections.meta(collection);
    const where = (i: number) => (field ? `${field}[${i}]: ` : '');
    const plans = queries.map((query, i) => {
      if (query.vector) checkDimension(meta, query.vector, `${where(i)}vector`);
      return planQuery(meta, collection, query, where(i));
    });
    const denseTexts = plans.filter((plan) => plan.denseText !== undefined);
    const sparseTexts = plans.filter((plan) => plan.sparseText !== undefined);
    const [dense, sparse] = await Promise.all([
      denseTexts.length > 0
        ? this.embedder.embed(
            meta.model!,
            denseTexts.map((plan) => plan.denseText!),
          )
        : [],
      sparseTexts.length > 0
        ? this.embedder.sparse(
            sparseTexts.map((plan) => plan.sparseText!),
            'query',
          )
        : [],
    ]);
    const denseOf = new Map(denseTexts.map((plan, i) => [plan, dense[i]]));
    const sparseOf = new Map(sparseTexts.map((plan, i) => [plan, sparse[i]]));
    return queries.map((query, i) => {
      const plan = plans[i];
      const legs = { dense: query.vector ?? denseOf.get(plan), sparse: sparseOf.get(plan) };
      const asked = { ...query, with_payload: payloadSelection(tenant, query.with_payload) };
      const filter = tenantFilter(tenant, tenantIdFilter(tenant, query.filter));
      return { mode: plan.mode, request: buildQuery(asked, plan.mode, legs, filter) };
    });
  }
}
