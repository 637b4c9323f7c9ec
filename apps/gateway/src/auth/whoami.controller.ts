import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Authenticated, type Principal } from '@aip/rbac';
import { CurrentPrincipal } from './current-principal.decorator';

@ApiTags('auth')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('api/v1/auth')
export class WhoamiController {
  @Get('whoami')
  @Authenticated()
  @ApiOperation({ summary: 'The caller as the gateway sees it: id, role, permissions, scopes' })
  whoami(@CurrentPrincipal() principal: Principal): Omit<Principal, never> {
    return principal;
  }
}
