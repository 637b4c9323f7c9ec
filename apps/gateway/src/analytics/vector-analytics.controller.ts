import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import {
  ErrorCode,
  PlatformError,
  Subject,
  type CollectionAnalyticsReply,
  type ReplyOf,
  type RequestOf,
  type SearchAnalyticsReply,
} from '@aip/contracts';
import { ApiPlatformErrors } from '@aip/platform';
import { mayUseCollection, RequirePermission, type Principal } from '@aip/rbac';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { VectorClient } from '../clients/vector.client';
import { SearchAnalyticsQueryDto, VectorAnalyticsQueryDto } from './vector-analytics.dto';
import {
  CollectionAnalyticsReplyDto,
  LatencyReportDto,
  PayloadFieldAnalyticsDto,
  SearchAnalyticsReplyDto,
} from './vector-analytics.responses';

type AnalyticsSubject = Subject.VectorAnalyticsCollections | Subject.VectorAnalyticsSearch;

function refuseForeignCollection(principal: Principal, collection: string | undefined): void {
  if (collection !== undefined && !mayUseCollection(principal, collection))
    throw new PlatformError(ErrorCode.Forbidden, `This key may not use collection ${collection}`);
}

/**
 * Vector analytics from the vector service (usage per API key is `UsageAnalyticsController`'s).
 * What a scoped key sees: a collection-scoped key only its collections; a tenant-scoped key its
 * own tenant's point counts, latencies and frequent queries (the vector service keeps them per
 * tenant), never other tenants' queries, searches or how many points they hold.
 */
@ApiTags('analytics')
@ApiBearerAuth()
@ApiSecurity('api-key')
@ApiExtraModels(PayloadFieldAnalyticsDto, LatencyReportDto)
@Controller('api/v1/analytics')
export class VectorAnalyticsController {
  constructor(private readonly vector: VectorClient) {}

  @Get('vectors')
  @RequirePermission('analytics:view')
  @ApiOperation({
    summary:
      'Per collection: points, dimension, distance, model, indexed share, status, payload fields',
  })
  @ApiOkResponse({ type: CollectionAnalyticsReplyDto })
  @ApiPlatformErrors(400, 401, 403, 404, 429, 503, 504)
  vectors(
    @Query() query: VectorAnalyticsQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CollectionAnalyticsReply> {
    return this.scoped(
      principal,
      Subject.VectorAnalyticsCollections,
      { collection: query.collection },
      (c) => c.name,
    );
  }

  @Get('search')
  @RequirePermission('analytics:view')
  @ApiOperation({
    summary:
      'Search latency p50/p95/p99 (cache hits and misses) over the last 10,000 reads, overall and per collection, and the most frequent queries',
  })
  @ApiOkResponse({ type: SearchAnalyticsReplyDto })
  @ApiPlatformErrors(400, 401, 403, 404, 429, 503, 504)
  search(
    @Query() query: SearchAnalyticsQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SearchAnalyticsReply> {
    return this.scoped(
      principal,
      Subject.VectorAnalyticsSearch,
      { collection: query.collection, top: query.top },
      (c) => c.collection,
    );
  }

  /** Asks the vector service for the principal's tenant and keeps only collections it may use. */
  private async scoped<S extends AnalyticsSubject>(
    principal: Principal,
    subject: S,
    payload: Omit<RequestOf<S>, 'tenant'>,
    collectionOf: (entry: ReplyOf<S>['collections'][number]) => string,
  ): Promise<ReplyOf<S>> {
    refuseForeignCollection(principal, payload.collection);
    const reply = await this.vector.request(subject, {
      ...payload,
      tenant: principal.tenant,
    } as RequestOf<S>);
    return {
      ...reply,
      collections: reply.collections.filter((c) => mayUseCollection(principal, collectionOf(c))),
    };
  }
}
