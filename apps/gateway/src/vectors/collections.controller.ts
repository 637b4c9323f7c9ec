import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import {
  ErrorCode,
  PlatformError,
  Subject,
  type CollectionInfo,
  type CollectionList,
} from '@aip/contracts';
import { ApiPlatformErrors } from '@aip/platform';
import { mayUseCollection, RequirePermission, type Principal } from '@aip/rbac';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { refuseTenantScoped } from './collection-scope';
import { UpdateCollectionDto } from './collections.dto';
import { CollectionInfoDto, CollectionListDto } from './collections.responses';
import { CreateCollectionDto } from './vectors.dto';
import { VectorClient } from '../clients/vector.client';

@ApiTags('collections')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('api/v1/collections')
export class CollectionsController {
  constructor(private readonly vector: VectorClient) {}

  @Post()
  @RequirePermission('collections:manage')
  @ApiOperation({
    summary: 'Create a collection from an embedding model, or from a size and distance',
  })
  @ApiCreatedResponse({ type: CollectionInfoDto })
  @ApiPlatformErrors(400, 401, 403, 404, 409, 413, 429, 503, 504)
  create(
    @Body() body: CreateCollectionDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CollectionInfo> {
    refuseTenantScoped(principal, 'create collections');
    if (!mayUseCollection(principal, body.name))
      throw new PlatformError(ErrorCode.Forbidden, `This key may not use collection ${body.name}`);
    return this.vector.request(Subject.VectorCollectionCreate, body);
  }

  @Get()
  @RequirePermission('vectors:search')
  @ApiOperation({ summary: 'Collection names (those the key may use)' })
  @ApiOkResponse({ type: CollectionListDto })
  @ApiPlatformErrors(401, 403, 429, 503, 504)
  async list(@CurrentPrincipal() principal: Principal): Promise<CollectionList> {
    const { collections } = await this.vector.request(Subject.VectorCollectionList, {});
    return { collections: collections.filter((name) => mayUseCollection(principal, name)) };
  }

  @Get(':name')
  @RequirePermission('vectors:search')
  @ApiOperation({
    summary:
      'Collection details: counts (a tenant-scoped key: its own points, no indexed count), size, distance, model, status, payload schema, settings',
  })
  @ApiOkResponse({ type: CollectionInfoDto })
  @ApiPlatformErrors(401, 403, 404, 429, 503, 504)
  get(
    @Param('name') name: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CollectionInfo> {
    return this.vector.request(Subject.VectorCollectionGet, { name, tenant: principal.tenant });
  }

  @Put(':name')
  @RequirePermission('collections:manage')
  @ApiOperation({
    summary:
      'Change HNSW (m, ef_construct), the indexing threshold, quantization (scalar or none) and payload indexes',
  })
  @ApiOkResponse({ type: CollectionInfoDto })
  @ApiPlatformErrors(400, 401, 403, 404, 413, 429, 503, 504)
  update(
    @Param('name') name: string,
    @Body() body: UpdateCollectionDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CollectionInfo> {
    refuseTenantScoped(principal, 'change collections');
    return this.vector.request(Subject.VectorCollectionUpdate, { ...body, name });
  }

  @Delete(':name')
  @HttpCode(204)
  @RequirePermission('collections:manage')
  @ApiOperation({ summary: 'Delete a collection and its points' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiPlatformErrors(401, 403, 404, 429, 503, 504)
  async delete(
    @Param('name') name: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<void> {
    refuseTenantScoped(principal, 'delete collections');
    await this.vector.request(Subject.VectorCollectionDelete, { name });
  }
}
