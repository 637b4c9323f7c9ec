import { Controller, Get } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPlatformErrors } from '@aip/platform';
import { Public } from '@aip/rbac';
import { PlatformHealthDto, ServiceStatusDto } from './platform-health.dto';
import { PlatformHealthService } from './platform-health.service';

@Public()
@ApiTags('health')
@ApiExtraModels(ServiceStatusDto)
@Controller('api/v1/health')
export class PlatformHealthController {
  constructor(private readonly health: PlatformHealthService) {}

  @Get()
  @ApiOperation({
    summary:
      'Readiness of every service, gathered over NATS; 503 (details.missing names them) while a required one is down',
  })
  @ApiOkResponse({ type: PlatformHealthDto })
  @ApiPlatformErrors(503)
  gather(): Promise<PlatformHealthDto> {
    return this.health.gather();
  }
}
