import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ErrorCode, PlatformError, Subject } from '@aip/contracts';
import { ApiPlatformErrors } from '@aip/platform';
import { mayUseCollection, RequirePermission, type Principal } from '@aip/rbac';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { GatewayConfig } from '../config/gateway.config';
import { VectorClient } from '../clients/vector.client';
import {
  BatchSimilarDto,
  FindSimilarDto,
  StatsQueryDto,
  type SimilarityOptions,
  type BatchSimilarResponse,
  type FindSimilarResponse,
  type SimilarityStats,
} from './similarity.dto';
import {
  BatchSimilarResponseDto,
  FindSimilarResponseDto,
  SimilarityStatsDto,
} from './similarity.responses';

const DEFAULT_TOP_K = 10;

/** Milliseconds since `start`, to a hundredth. */
function elapsedMs(start: number): number {
  return Math.round((performance.now() - start) * 100) / 100;
}

/** What each query asks of the vector search, from the options both search routes take. */
function searchOptions(options: SimilarityOptions) {
  return {
    mode: options.mode ?? 'dense',
    limit: options.top_k ?? DEFAULT_TOP_K,
    score_threshold: options.threshold,
  };
}

/**
 * Text-to-text similarity over a collection of texts, in the shape of the older similarity API:
 * dense search unless a mode is given, so `threshold` and the scores are similarities.
 */
@ApiTags('similarity')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('api/v1/similarity')
export class SimilarityController {
  constructor(
    private readonly vector: VectorClient,
    private readonly config: GatewayConfig,
  ) {}

  /** The named collection or the default one; the guard only sees collections a request names. */
  private collectionFor(principal: Principal, named: string | undefined): string {
    const collection = named ?? this.config.GATEWAY_DEFAULT_COLLECTION;
    if (!mayUseCollection(principal, collection))
      throw new PlatformError(
        ErrorCode.Forbidden,
        `This key may not use collection ${collection}`,
        {
          collection,
        },
      );
    return collection;
  }

  @Post('find-similar')
  @HttpCode(200)
  @RequirePermission('vectors:search')
  @ApiOperation({ summary: 'The stored texts most similar to a query text' })
  @ApiOkResponse({ type: FindSimilarResponseDto })
  @ApiPlatformErrors(400, 401, 403, 404, 413, 429, 503, 504)
  async findSimilar(
    @Body() body: FindSimilarDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<FindSimilarResponse> {
    const collection = this.collectionFor(principal, body.collection);
    const start = performance.now();
    const { points } = await this.vector.request(Subject.VectorPointsSearch, {
      collection,
      text: body.query,
      ...searchOptions(body),
      tenant: principal.tenant,
    });
    return { collection, results: points, search_time_ms: elapsedMs(start) };
  }

  @Post('batch-similar')
  @HttpCode(200)
  @RequirePermission('vectors:search')
  @ApiOperation({ summary: 'find-similar for several query texts at once, answered in order' })
  @ApiOkResponse({ type: BatchSimilarResponseDto })
  @ApiPlatformErrors(400, 401, 403, 404, 413, 429, 503, 504)
  async batchSimilar(
    @Body() body: BatchSimilarDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<BatchSimilarResponse> {
    const collection = this.collectionFor(principal, body.collection);
    const start = performance.now();
    const { results } = await this.vector.request(Subject.VectorPointsSearchBatch, {
      collection,
      queries: body.queries.map((text) => ({ text, ...searchOptions(body) })),
      tenant: principal.tenant,
    });
    return {
      collection,
      results: results.map((result, i) => ({ query: body.queries[i], results: result.points })),
      batch_time_ms: elapsedMs(start),
    };
  }

  @Get('stats')
  @RequirePermission('vectors:search')
  @ApiOperation({
    summary:
      'Point and index counts of a collection (?collection=); a tenant-scoped key gets its own point count and no index count',
  })
  @ApiOkResponse({ type: SimilarityStatsDto })
  @ApiPlatformErrors(400, 401, 403, 404, 429, 503, 504)
  async stats(
    @Query() query: StatsQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SimilarityStats> {
    const collection = this.collectionFor(principal, query.collection);
    const info = await this.vector.request(Subject.VectorCollectionGet, {
      name: collection,
      tenant: principal.tenant,
    });
    return {
      collection,
      points_count: info.points_count,
      indexed_vectors_count: info.indexed_vectors_count,
      status: info.status,
    };
  }
}
