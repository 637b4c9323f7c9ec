import { Controller, Inject, type Type } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { Public } from '@aip/rbac';
import { ServiceHealthRequest, type HealthSubject, type ServiceHealthReply } from '@aip/contracts';
import { Handles } from '../messaging/handles.decorator';
import { ReadinessService } from './readiness.service';

/** A NATS handler answering `<service>.health.v1` with the same readiness as `/health/ready`. */
export function createHealthHandler(subject: HealthSubject): Type<unknown> {
  @Public()
  @Controller()
  class HealthHandler {
    constructor(@Inject(ReadinessService) private readonly readiness: ReadinessService) {}

    @Handles(subject)
    check(@Payload() _request: ServiceHealthRequest): Promise<ServiceHealthReply> {
      return this.readiness.check();
    }
  }
  return HealthHandler;
}
