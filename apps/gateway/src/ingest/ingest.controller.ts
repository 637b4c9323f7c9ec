import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import {
  checkIngestSize,
  ErrorCode,
  PlatformError,
  Subject,
  type IngestJobReport,
  type JobAccepted,
} from '@aip/contracts';
import { ApiPlatformErrors } from '@aip/platform';
import { hasPermission, mayUseCollection, RequirePermission, type Principal } from '@aip/rbac';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { SyncWorkerClient } from '../clients/sync-worker.client';
import { IngestDto } from './ingest.dto';
import { IngestJobReportDto, JobAcceptedDto } from './ingest-jobs.responses';

@ApiTags('ingest')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('api/v1')
export class IngestController {
  constructor(private readonly syncWorker: SyncWorkerClient) {}

  @Post('ingest')
  @HttpCode(202)
  @RequirePermission('vectors:insert')
  @ApiOperation({
    summary: 'Queue documents to chunk, embed and store; answers with the job to follow',
  })
  @ApiAcceptedResponse({ type: JobAcceptedDto })
  @ApiPlatformErrors(400, 401, 403, 404, 413, 429, 503, 504)
  ingest(@Body() body: IngestDto, @CurrentPrincipal() principal: Principal): Promise<JobAccepted> {
    checkIngestSize(body.documents);
    return this.syncWorker.request(Subject.SyncIngestEnqueue, {
      ...body,
      tenant: principal.tenant,
    });
  }

  @Get('ingest/jobs/:id')
  @RequirePermission('vectors:search')
  @ApiOperation({ summary: 'State, progress and counts of an ingest or reindex job' })
  @ApiOkResponse({ type: IngestJobReportDto })
  @ApiPlatformErrors(401, 403, 404, 429, 503, 504)
  async job(
    @Param('id') id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<IngestJobReport> {
    return this.visible(
      await this.syncWorker.request(Subject.SyncIngestJob, {
        job_id: id,
        tenant: principal.tenant,
      }),
      principal,
    );
  }

  @Delete('ingest/jobs/:id')
  @RequirePermission('vectors:insert')
  @ApiOperation({ summary: 'Cancel a job: it stops before its next batch' })
  @ApiOkResponse({ type: IngestJobReportDto, description: 'The job after the cancellation' })
  @ApiPlatformErrors(401, 403, 404, 409, 429, 503, 504)
  async cancel(
    @Param('id') id: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<IngestJobReport> {
    // Checked before cancelling: a key must not stop a job on a collection it may not use, nor
    // a reindex unless it may manage collections.
    const job = this.visible(
      await this.syncWorker.request(Subject.SyncIngestJob, {
        job_id: id,
        tenant: principal.tenant,
      }),
      principal,
    );
    if (job.kind === 'reindex' && !hasPermission(principal, 'collections:manage'))
      throw new PlatformError(
        ErrorCode.Forbidden,
        'Cancelling a reindex needs collections:manage',
        {
          permission: 'collections:manage',
        },
      );
    return this.syncWorker.request(Subject.SyncIngestCancel, {
      job_id: id,
      tenant: principal.tenant,
    });
  }

  /** A job on a collection outside the key's scope is reported as missing. */
  private visible(report: IngestJobReport, principal: Principal): IngestJobReport {
    if (!mayUseCollection(principal, report.collection))
      throw new PlatformError(ErrorCode.NotFound, `Job ${report.job_id} not found`);
    return report;
  }
}
