import { Controller, Get } from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Public } from '@aip/rbac';
import { PlatformHealthDto } from './platform-health.dto';
import { PlatformHealthService } from './platform-health.service';

@Public()
@ApiTags('health')
@Controller('api/v1/health')
export class PlatformHealthController {
  constructor(private readonly health: PlatformHealthService) {}

  @Get()
  @ApiOperation({ summary: 'Readiness of every service, gathered over NATS' })
  @ApiOkResponse({ type: PlatformHealthDto })
  @ApiServiceUnavailableResponse({
    description: 'A required service is down; details.missing names it',
  })
  gather(): Promise<PlatformHealthDto> {
    return this.health.gather();
  }
}
