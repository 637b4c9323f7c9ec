import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import {
  ErrorCode,
  PlatformError,
  ServiceName,
  Subject,
  type CollectionAnalyticsReply,
  type SearchAnalyticsReply,
} from '@aip/contracts';
import { ServiceClient } from '@aip/platform';
import { mayUseCollection, RequirePermission, type Principal } from '@aip/rbac';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { SearchAnalyticsQueryDto, VectorAnalyticsQueryDto } from './vector-analytics.dto';

function refuseForeignCollection(principal: Principal, collection: string | undefined): void {
  if (collection !== undefined && !mayUseCollection(principal, collection))
    throw new PlatformError(ErrorCode.Forbidden, `This key may not use collection ${collection}`);
}

/**
 * Vector analytics from the vector service (`/analytics/usage`, per API key, is the usage
 * module's). What a scoped key sees: a collection-scoped key only its collections; a
 * tenant-scoped key its own tenant's point counts and frequent queries, never other tenants'
 * queries or how many points they hold. Latency percentiles are operational figures without
 * content and are shown to every caller with analytics:view.
 */
@ApiTags('analytics')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('api/v1/analytics')
export class VectorAnalyticsController {
  constructor(private readonly services: ServiceClient) {}

  @Get('vectors')
  @RequirePermission('analytics:view')
  @ApiOperation({
    summary:
      'Per collection: points, dimension, distance, model, indexed share, status, payload fields',
  })
  async vectors(
    @Query() query: VectorAnalyticsQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CollectionAnalyticsReply> {
    refuseForeignCollection(principal, query.collection);
    const reply = await this.services.request<CollectionAnalyticsReply>(
      ServiceName.Vector,
      Subject.VectorAnalyticsCollections,
      { collection: query.collection, tenant: principal.tenant },
    );
    return {
      ...reply,
      collections: reply.collections.filter((c) => mayUseCollection(principal, c.name)),
    };
  }

  @Get('search')
  @RequirePermission('analytics:view')
  @ApiOperation({
    summary:
      'Search latency p50/p95/p99 (cache hits and misses) over the last 10,000 reads, overall and per collection, and the most frequent queries',
  })
  async search(
    @Query() query: SearchAnalyticsQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SearchAnalyticsReply> {
    refuseForeignCollection(principal, query.collection);
    const reply = await this.services.request<SearchAnalyticsReply>(
      ServiceName.Vector,
      Subject.VectorAnalyticsSearch,
      { collection: query.collection, top: query.top, tenant: principal.tenant },
    );
    return {
      ...reply,
      collections: reply.collections.filter((c) => mayUseCollection(principal, c.collection)),
    };
  }
}
