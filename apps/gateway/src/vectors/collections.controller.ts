import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ErrorCode, PlatformError, Subject, type CollectionInfo } from '@aip/contracts';
import { mayUseCollection, RequirePermission, type Principal } from '@aip/rbac';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { CreateCollectionDto } from './vectors.dto';
import { VectorClient } from './vector.client';

/** Collections are shared by every tenant: only callers without a tenant may create or drop them. */
function refuseTenantScoped(principal: Principal, action: string): void {
  if (principal.tenant !== undefined) {
    throw new PlatformError(
      ErrorCode.Forbidden,
      `Tenant-scoped keys may not ${action} collections: they hold every tenant's points`,
    );
  }
}

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
  create(
    @Body() body: CreateCollectionDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<CollectionInfo> {
    refuseTenantScoped(principal, 'create');
    if (!mayUseCollection(principal, body.name))
      throw new PlatformError(ErrorCode.Forbidden, `This key may not use collection ${body.name}`);
    return this.vector.call(Subject.VectorCollectionCreate, body);
  }

  @Get()
  @RequirePermission('vectors:search')
  @ApiOperation({ summary: 'Collection names (those the key may use)' })
  async list(@CurrentPrincipal() principal: Principal): Promise<{ collections: string[] }> {
    const { collections } = await this.vector.call<{ collections: string[] }>(
      Subject.VectorCollectionList,
      {},
    );
    return { collections: collections.filter((name) => mayUseCollection(principal, name)) };
  }

  @Get(':name')
  @RequirePermission('vectors:search')
  @ApiOperation({ summary: 'Collection details: counts, size, distance, model, payload schema' })
  get(@Param('name') name: string): Promise<CollectionInfo> {
    return this.vector.call(Subject.VectorCollectionGet, { name });
  }

  @Delete(':name')
  @HttpCode(204)
  @RequirePermission('collections:manage')
  @ApiOperation({ summary: 'Delete a collection and its points' })
  async delete(
    @Param('name') name: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<void> {
    refuseTenantScoped(principal, 'delete');
    await this.vector.call(Subject.VectorCollectionDelete, { name });
  }
}
