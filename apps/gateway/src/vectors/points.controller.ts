import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import {
  ErrorCode,
  PlatformError,
  Subject,
  type DeleteResult,
  type PointId,
  type PointRecord,
  type SearchBatchResult,
  type SearchResult,
  type UpsertResult,
} from '@aip/contracts';
import { ApiPlatformErrors } from '@aip/platform';
import { RequirePermission, type Principal } from '@aip/rbac';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import {
  BatchPointsDto,
  CollectionQueryDto,
  DeletePointsDto,
  InsertPointDto,
  OptionalCollectionQueryDto,
  ScrollPointsDto,
  SearchBatchDto,
  SearchPointsDto,
  UpdatePointDto,
} from './vectors.dto';
import {
  DeleteResultDto,
  PointRecordDto,
  ScrollPageDto,
  SearchBatchResultDto,
  SearchResultDto,
  UpsertResultDto,
} from './points.responses';
import { VectorClient } from '../clients/vector.client';

/** Path ids are strings; unsigned integers are Qdrant integer ids. */
function pathId(id: string): PointId {
  return /^\d+$/.test(id) ? Number(id) : id;
}

@ApiTags('vectors')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('api/v1/vectors')
export class PointsController {
  constructor(private readonly vector: VectorClient) {}

  @Post('insert')
  @RequirePermission('vectors:insert')
  @ApiOperation({ summary: 'Insert or replace one point: a vector, or a text the service embeds' })
  @ApiCreatedResponse({ type: UpsertResultDto })
  @ApiPlatformErrors(400, 401, 403, 404, 413, 429, 503, 504)
  insert(
    @Body() body: InsertPointDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<UpsertResult> {
    const { collection, ...point } = body;
    return this.vector.request(Subject.VectorPointsUpsert, {
      collection,
      points: [point],
      tenant: principal.tenant,
    });
  }

  @Post('batch')
  @RequirePermission('vectors:insert')
  @ApiOperation({ summary: 'Insert or replace many points' })
  @ApiCreatedResponse({ type: UpsertResultDto })
  @ApiPlatformErrors(400, 401, 403, 404, 413, 429, 503, 504)
  batch(
    @Body() body: BatchPointsDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<UpsertResult> {
    return this.vector.request(Subject.VectorPointsUpsert, { ...body, tenant: principal.tenant });
  }

  @Post('search')
  @HttpCode(200)
  @RequirePermission('vectors:search')
  @ApiOperation({
    summary: 'Nearest points to a vector or to a text (embedded with the collection model)',
  })
  @ApiOkResponse({ type: SearchResultDto })
  @ApiPlatformErrors(400, 401, 403, 404, 413, 429, 503, 504)
  search(
    @Body() body: SearchPointsDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SearchResult> {
    const { top_k, ...rest } = body;
    return this.vector.request(Subject.VectorPointsSearch, {
      ...rest,
      limit: top_k ?? 10,
      tenant: principal.tenant,
    });
  }

  @Post('search/batch')
  @HttpCode(200)
  @RequirePermission('vectors:search')
  @ApiOperation({
    summary: 'Several searches of one collection at once; their texts are embedded together',
  })
  @ApiOkResponse({ type: SearchBatchResultDto })
  @ApiPlatformErrors(400, 401, 403, 404, 413, 429, 503, 504)
  searchBatch(
    @Body() body: SearchBatchDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SearchBatchResult> {
    return this.vector.request(Subject.VectorPointsSearchBatch, {
      collection: body.collection,
      queries: body.queries.map(({ top_k, ...query }) => ({ ...query, limit: top_k ?? 10 })),
      tenant: principal.tenant,
    });
  }

  @Post('delete')
  @HttpCode(200)
  @RequirePermission('vectors:delete')
  @ApiOperation({ summary: 'Delete points by ids or by filter' })
  @ApiOkResponse({ type: DeleteResultDto })
  @ApiPlatformErrors(400, 401, 403, 404, 413, 429, 503, 504)
  deleteMany(
    @Body() body: DeletePointsDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<DeleteResult> {
    return this.vector.request(Subject.VectorPointsDelete, { ...body, tenant: principal.tenant });
  }

  @Post('scroll')
  @HttpCode(200)
  @RequirePermission('vectors:search')
  @ApiOperation({ summary: 'Page through points, optionally filtered' })
  @ApiOkResponse({ type: ScrollPageDto })
  @ApiPlatformErrors(400, 401, 403, 404, 413, 429, 503, 504)
  scroll(
    @Body() body: ScrollPointsDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ScrollPageDto> {
    return this.vector.request(Subject.VectorPointsScroll, { ...body, tenant: principal.tenant });
  }

  @Get(':id')
  @RequirePermission('vectors:search')
  @ApiOperation({ summary: 'One point by id (?collection=...)' })
  @ApiOkResponse({ type: PointRecordDto })
  @ApiPlatformErrors(400, 401, 403, 404, 429, 503, 504)
  async get(
    @Param('id') id: string,
    @Query() query: CollectionQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PointRecord> {
    const { points } = await this.vector.request(Subject.VectorPointsGet, {
      collection: query.collection,
      ids: [pathId(id)],
      tenant: principal.tenant,
    });
    if (points.length === 0)
      throw new PlatformError(
        ErrorCode.NotFound,
        `No point ${id} in collection ${query.collection}`,
      );
    return points[0];
  }

  @Put(':id')
  @RequirePermission('vectors:update')
  @ApiOperation({
    summary:
      'Change one point (?collection= or body collection): a new text is embedded again, a vector replaces the stored one, the payload is merged into the stored one',
  })
  @ApiOkResponse({ type: PointRecordDto, description: 'The point as stored after the change' })
  @ApiPlatformErrors(400, 401, 403, 404, 413, 429, 503, 504)
  update(
    @Param('id') id: string,
    @Query() query: OptionalCollectionQueryDto,
    @Body() body: UpdatePointDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PointRecord> {
    const { collection: inBody, ...change } = body;
    if (query.collection && inBody && query.collection !== inBody)
      throw new PlatformError(
        ErrorCode.ValidationFailed,
        `collection is ${query.collection} in the query but ${inBody} in the body`,
      );
    const collection = query.collection ?? inBody;
    if (!collection)
      throw new PlatformError(
        ErrorCode.ValidationFailed,
        'collection is required: give ?collection= or a body collection',
      );
    return this.vector.request(Subject.VectorPointsUpdate, {
      ...change,
      collection,
      id: pathId(id),
      tenant: principal.tenant,
    });
  }

  @Delete(':id')
  @RequirePermission('vectors:delete')
  @ApiOperation({ summary: 'Delete one point (?collection=...)' })
  @ApiOkResponse({ type: DeleteResultDto })
  @ApiPlatformErrors(400, 401, 403, 404, 429, 503, 504)
  async delete(
    @Param('id') id: string,
    @Query() query: CollectionQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<DeleteResult> {
    return this.vector.request(Subject.VectorPointsDelete, {
      collection: query.collection,
      ids: [pathId(id)],
      tenant: principal.tenant,
    });
  }
}
