import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@aip/rbac';
import { ErrorCode, PlatformError, type ServiceHealthReply } from '@aip/contracts';
import { downDependencies, ReadinessService } from './readiness.service';

/** Probes for Kubernetes and the local launcher; open without credentials. */
@Public()
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly readiness: ReadinessService) {}

  @Get('live')
  @ApiOkResponse({ description: 'The process is running and its event loop answers' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOkResponse({ description: 'Every dependency of this app is up' })
  @ApiServiceUnavailableResponse({ description: 'A dependency is down; details name it' })
  async ready(): Promise<ServiceHealthReply> {
    const reply = await this.readiness.check();
    if (!reply.ready) {
      throw new PlatformError(
        ErrorCode.ServiceUnavailable,
        `Not ready: ${downDependencies(reply).join(', ')} down`,
        { ...reply },
      );
    }
    return reply;
  }
}
