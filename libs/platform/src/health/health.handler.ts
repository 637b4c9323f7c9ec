import { Controller, Inject, type Type } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Public } from '@aip/rbac';
import { ServiceHealthRequest, type ServiceHealthReply, type Subject } from '@aip/contracts';
import { ReadinessService } from './readiness.service';

/** A NATS handler answering `<service>.health.v1` with the same readiness as `/health/ready`. */
export function createHealthHandler(subject: Subject): Type<unknown> {
  @Public()
  @Controller()
  class HealthHandler {
    constructor(@Inject(ReadinessService) private readonly readiness: ReadinessService) {}

    @MessagePattern(subject)
    check(@Payload() _request: ServiceHealthRequest): Promise<ServiceHealthReply> {
      return this.readiness.check();
    }
  }
  return HealthHandler;
}
