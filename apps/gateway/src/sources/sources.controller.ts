import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
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
  SOURCE_ID,
  Subject,
  type SourceInfo,
  type SourceListReply,
  type SourceRemoved,
} from '@aip/contracts';
import { ApiPlatformErrors } from '@aip/platform';
import { hasPermission, mayUseCollection, RequirePermission, type Principal } from '@aip/rbac';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { SyncWorkerClient } from '../clients/sync-worker.client';
import { AddSourceDto, RemoveSourceQueryDto } from './sources.dto';
import { SourceInfoDto, SourceListDto, SourceRemovedDto } from './sources.responses';

/** Settings (and errors, which may quote them) only for those who may manage sources. */
function shownTo(principal: Principal, source: SourceInfo): SourceInfo {
  if (hasPermission(principal, 'sources:manage')) return source;
  return {
    ...source,
    settings: {},
    last_error: source.last_error === null ? null : 'failing (details need sources:manage)',
  };
}

function checkId(id: string): void {
  if (!SOURCE_ID.test(id))
    throw new PlatformError(ErrorCode.ValidationFailed, 'id must be 1-64 letters, digits, _ or -');
}

/**
 * Live sources run by the sync-worker. What a source may read (folders, databases, clusters) is
 * the operator's configuration of the sync-worker; a source names one of those and narrows it.
 * Adding or changing one needs `sources:manage` (admins only by default). A source writes into a
 * collection shared by every tenant, so only callers without a tenant may manage one, and only
 * for collections their key may use. Other readers see that a source exists, not its settings.
 */
@ApiTags('sources')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('api/v1/sources')
export class SourcesController {
  constructor(private readonly syncWorker: SyncWorkerClient) {}

  @Get()
  @RequirePermission('vectors:search')
  @ApiOperation({
    summary:
      'Live sources: kind, collection, state, counts, last event; settings only with sources:manage',
  })
  @ApiOkResponse({ type: SourceListDto })
  @ApiPlatformErrors(401, 403, 429, 503, 504)
  async list(@CurrentPrincipal() principal: Principal): Promise<SourceListReply> {
    const reply = await this.syncWorker.request(Subject.SyncSourcesList, {});
    return {
      sources: reply.sources
        .filter((s) => mayUseCollection(principal, s.collection))
        .map((s) => shownTo(principal, s)),
    };
  }

  @Get(':id')
  @RequirePermission('vectors:search')
  @ApiOperation({ summary: 'One live source' })
  @ApiOkResponse({ type: SourceInfoDto })
  @ApiPlatformErrors(400, 401, 403, 404, 429, 503, 504)
  async get(
    @Param('id') id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SourceInfo> {
    checkId(id);
    const [source] = (await this.syncWorker.request(Subject.SyncSourcesList, { id })).sources;
    if (source === undefined || !mayUseCollection(principal, source.collection))
      throw new PlatformError(ErrorCode.NotFound, `Source ${id} does not exist`);
    return shownTo(principal, source);
  }

  @Post()
  @RequirePermission('sources:manage')
  @ApiOperation({
    summary:
      'Add a kubernetes, postgres or directory source; it starts at once and survives restarts',
  })
  @ApiCreatedResponse({ type: SourceInfoDto })
  @ApiPlatformErrors(400, 401, 403, 409, 413, 429, 503, 504)
  add(@Body() body: AddSourceDto, @CurrentPrincipal() principal: Principal): Promise<SourceInfo> {
    this.refuse(principal, body.collection);
    return this.syncWorker.request(Subject.SyncSourcesAdd, body);
  }

  @Post(':id/pause')
  @HttpCode(200)
  @RequirePermission('sources:manage')
  @ApiOperation({ summary: 'Stop following changes until resumed' })
  @ApiOkResponse({ type: SourceInfoDto })
  @ApiPlatformErrors(400, 401, 403, 404, 413, 429, 503, 504)
  async pause(
    @Param('id') id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SourceInfo> {
    await this.refuseForeign(id, principal);
    return this.syncWorker.request(Subject.SyncSourcesPause, { id });
  }

  @Post(':id/resume')
  @HttpCode(200)
  @RequirePermission('sources:manage')
  @ApiOperation({ summary: 'Follow changes again, catching up on what changed while paused' })
  @ApiOkResponse({ type: SourceInfoDto })
  @ApiPlatformErrors(400, 401, 403, 404, 413, 429, 503, 504)
  async resume(
    @Param('id') id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SourceInfo> {
    await this.refuseForeign(id, principal);
    return this.syncWorker.request(Subject.SyncSourcesResume, { id });
  }

  @Delete(':id')
  @RequirePermission('sources:manage')
  @ApiOperation({ summary: 'Remove a source and (unless keep_documents=true) its documents' })
  @ApiOkResponse({ type: SourceRemovedDto })
  @ApiPlatformErrors(400, 401, 403, 404, 429, 503, 504)
  async remove(
    @Param('id') id: string,
    @Query() query: RemoveSourceQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SourceRemoved> {
    await this.refuseForeign(id, principal);
    return this.syncWorker.request(Subject.SyncSourcesRemove, {
      id,
      keep_documents: query.keep_documents,
    });
  }

  private refuse(principal: Principal, collection: string): void {
    if (principal.tenant !== undefined)
      throw new PlatformError(
        ErrorCode.Forbidden,
        "Tenant-scoped keys may not manage sources: collections hold every tenant's points",
      );
    if (!mayUseCollection(principal, collection))
      throw new PlatformError(ErrorCode.Forbidden, `This key may not use collection ${collection}`);
  }

  private async refuseForeign(id: string, principal: Principal): Promise<void> {
    checkId(id);
    const [source] = (await this.syncWorker.request(Subject.SyncSourcesList, { id })).sources;
    if (source !== undefined) this.refuse(principal, source.collection);
  }
}
