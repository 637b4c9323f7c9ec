import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ApiPlatformErrors } from '@aip/platform';
import { RequirePermission, type Principal } from '@aip/rbac';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { UsageService } from '../usage/usage.service';
import { UsageReportDto } from './usage-analytics.responses';

@ApiTags('analytics')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('api/v1/analytics')
export class UsageAnalyticsController {
  constructor(private readonly usage: UsageService) {}

  @Get('usage')
  @RequirePermission('analytics:view')
  @ApiOperation({
    summary: 'Requests, errors, tokens and latency per API key id; tenant keys see only themselves',
  })
  @ApiOkResponse({ type: UsageReportDto })
  @ApiPlatformErrors(401, 403, 429, 503)
  async report(@CurrentPrincipal() principal: Principal): Promise<UsageReportDto> {
    return {
      keys: await this.usage.report(principal.tenant === undefined ? undefined : principal.id),
    };
  }
}
