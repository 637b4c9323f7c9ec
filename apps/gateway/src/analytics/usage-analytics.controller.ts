import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { RequirePermission, type Principal } from '@aip/rbac';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { UsageService, type KeyUsage } from '../usage/usage.service';

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
  async report(@CurrentPrincipal() principal: Principal): Promise<{ keys: KeyUsage[] }> {
    return {
      keys: await this.usage.report(principal.tenant === undefined ? undefined : principal.id),
    };
  }
}
