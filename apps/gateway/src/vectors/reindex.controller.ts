import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Subject, type JobAccepted } from '@aip/contracts';
import { RequirePermission, type Principal } from '@aip/rbac';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { SyncWorkerClient } from '../clients/sync-worker.client';
import { refuseTenantScoped } from './collection-scope';
import { ReindexDto } from './reindex.dto';

/** Re-embedding a collection runs as a sync-worker job; it is followed at `/api/v1/ingest/jobs/{id}`. */
@ApiTags('collections')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('api/v1/collections')
export class ReindexController {
  constructor(private readonly syncWorker: SyncWorkerClient) {}

  @Post(':name/reindex')
  @HttpCode(202)
  @RequirePermission('collections:manage')
  @ApiOperation({
    summary:
      'Re-embed a collection with another model into a new collection, then swap the name to it; searches keep working meanwhile',
  })
  reindex(
    @Param('name') name: string,
    @Body() body: ReindexDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<JobAccepted> {
    refuseTenantScoped(principal, 'reindex collections');
    return this.syncWorker.request(Subject.SyncReindex, { collection: name, model: body.model });
  }
}
