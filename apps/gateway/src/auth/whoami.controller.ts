import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { ApiPlatformErrors } from '@aip/platform';
import { Authenticated, type Principal } from '@aip/rbac';
import { CurrentPrincipal } from './current-principal.decorator';
import { PrincipalView } from './principal.responses';

@ApiTags('auth')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('api/v1/auth')
export class WhoamiController {
  @Get('whoami')
  @Authenticated()
  @ApiOperation({ summary: 'The caller as the gateway sees it: id, role, permissions, scopes' })
  @ApiOkResponse({ type: PrincipalView })
  @ApiPlatformErrors(401, 429, 503)
  whoami(@CurrentPrincipal() principal: Principal): Omit<Principal, never> {
    return principal;
  }
}
