import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiOperation,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import { Subject, type JobAccepted } from '@aip/contracts';
import { ApiPlatformErrors } from '@aip/platform';
import { RequirePermission, type Principal } from '@aip/rbac';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { SyncWorkerClient } from '../clients/sync-worker.client';
import { JobAcceptedDto } from '../ingest/ingest-jobs.responses';
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
  @ApiAcceptedResponse({ type: JobAcceptedDto })
  @ApiPlatformErrors(400, 401, 403, 404, 413, 429, 503, 504)
  reindex(
    @Param('name') name: string,
    @Body() body: ReindexDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<JobAccepted> {
    refuseTenantScoped(principal, 'reindex collections');
    return this.syncWorker.request(Subject.SyncReindex, { collection: name, model: body.model });
  }
}
