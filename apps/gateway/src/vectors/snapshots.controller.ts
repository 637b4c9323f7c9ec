import { Controller, Get, HttpCode, Param, Post, StreamableFile } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import {
  Subject,
  type SnapshotInfo,
  type SnapshotList,
  type SnapshotRestored,
} from '@aip/contracts';
import { ApiPlatformErrors } from '@aip/platform';
import { RequirePermission, type Principal } from '@aip/rbac';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { VectorClient } from '../clients/vector.client';
import { refuseTenantScoped } from './collection-scope';
import { snapshotBytes } from './snapshot-stream';
import { CollectionPathDto, SnapshotPathDto } from './snapshots.dto';
import { SnapshotInfoDto, SnapshotListDto, SnapshotRestoredDto } from './snapshots.responses';

/** Taking or restoring a snapshot copies the whole collection. */
export const SNAPSHOT_TIMEOUT_MS = 5 * 60_000;
/** Longest pause between two chunks of a download. */
export const SNAPSHOT_CHUNK_TIMEOUT_MS = 60_000;

@ApiTags('collections')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('api/v1/collections')
export class SnapshotsController {
  constructor(private readonly vector: VectorClient) {}

  @Post(':name/snapshot')
  @RequirePermission('snapshots:create')
  @ApiOperation({ summary: 'Take a snapshot of a collection (points, payloads, indexes, config)' })
  @ApiCreatedResponse({ type: SnapshotInfoDto })
  @ApiPlatformErrors(400, 401, 403, 404, 413, 429, 503, 504)
  create(
    @Param() path: CollectionPathDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SnapshotInfo> {
    refuseTenantScoped(principal, 'snapshot collections');
    return this.vector.request(
      Subject.VectorSnapshotCreate,
      { collection: path.name },
      { timeoutMs: SNAPSHOT_TIMEOUT_MS },
    );
  }

  @Get(':name/snapshots')
  @RequirePermission('snapshots:create')
  @ApiOperation({ summary: "A collection's snapshots, newest first" })
  @ApiOkResponse({ type: SnapshotListDto })
  @ApiPlatformErrors(400, 401, 403, 404, 429, 503, 504)
  list(
    @Param() path: CollectionPathDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SnapshotList> {
    refuseTenantScoped(principal, 'list snapshots');
    return this.vector.request(Subject.VectorSnapshotList, {
      collection: path.name,
    });
  }

  @Get(':name/snapshots/:snapshot')
  @RequirePermission('snapshots:create')
  @ApiOperation({ summary: 'Download a snapshot file (streamed as it is read)' })
  @ApiOkResponse({
    description: 'The snapshot file, as an attachment',
    content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiPlatformErrors(400, 401, 403, 404, 429, 503, 504)
  async download(
    @Param() path: SnapshotPathDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<StreamableFile> {
    refuseTenantScoped(principal, 'download snapshots');
    const { size, body } = await snapshotBytes(
      this.vector.stream(
        Subject.VectorSnapshotDownload,
        { collection: path.name, snapshot: path.snapshot },
        { timeoutMs: SNAPSHOT_CHUNK_TIMEOUT_MS },
      ),
    );
    return new StreamableFile(body, {
      type: 'application/octet-stream',
      // SNAPSHOT_NAME admits only letters, digits, _ . -: safe inside the quoted header value.
      disposition: `attachment; filename="${path.snapshot}"`,
      length: size,
    });
  }

  @Post(':name/snapshots/:snapshot/restore')
  @HttpCode(200)
  @RequirePermission('collections:manage')
  @ApiOperation({ summary: "Replace a collection's contents with one of its snapshots" })
  @ApiOkResponse({ type: SnapshotRestoredDto })
  @ApiPlatformErrors(400, 401, 403, 404, 413, 429, 503, 504)
  restore(
    @Param() path: SnapshotPathDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<SnapshotRestored> {
    refuseTenantScoped(principal, 'restore snapshots');
    return this.vector.request(
      Subject.VectorSnapshotRestore,
      { collection: path.name, snapshot: path.snapshot },
      { timeoutMs: SNAPSHOT_TIMEOUT_MS },
    );
  }
}
