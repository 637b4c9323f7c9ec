import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@aip/rbac';
import { ErrorCode, PlatformError, type ServiceHealthReply } from '@aip/contracts';
import { ApiPlatformErrors } from '../errors/api-error-responses';
import { LivenessDto, ServiceHealthReplyDto } from './health.responses';
import { downDependencies, ReadinessService } from './readiness.service';

/** Probes for Kubernetes and the local launcher; open without credentials. */
@Public()
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly readiness: ReadinessService) {}

  @Get('live')
  @ApiOkResponse({
    description: 'The process is running and its event loop answers',
    type: LivenessDto,
  })
  live(): LivenessDto {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOkResponse({ description: 'Every dependency of this app is up', type: ServiceHealthReplyDto })
  @ApiPlatformErrors(503)
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
