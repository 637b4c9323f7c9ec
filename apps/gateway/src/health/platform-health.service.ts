import { Injectable } from '@nestjs/common';
import {
  ErrorCode,
  HEALTH_SUBJECTS,
  NATS_SERVICES,
  PlatformError,
  ServiceName,
  type NatsServiceName,
} from '@aip/contracts';
import { AppInfo, ServiceClient, toPlatformError } from '@aip/platform';
import { GatewayConfig } from '../config/gateway.config';
import type { PlatformHealthDto, ServiceStatusDto } from './platform-health.dto';

/** Asks every service for its readiness over NATS, all at once. */
@Injectable()
export class PlatformHealthService {
  constructor(
    private readonly client: ServiceClient,
    private readonly config: GatewayConfig,
    private readonly info: AppInfo,
  ) {}

  async gather(): Promise<PlatformHealthDto> {
    const statuses = await Promise.all(NATS_SERVICES.map((service) => this.probe(service)));
    const services = Object.fromEntries(NATS_SERVICES.map((service, i) => [service, statuses[i]]));
    const missing = NATS_SERVICES.filter(
      (_, i) => statuses[i].required && statuses[i].status === 'down',
    );
    const health: PlatformHealthDto = {
      status: statuses.some((s) => s.status === 'down') ? 'degraded' : 'ok',
      version: this.info.version,
      services,
    };
    if (missing.length > 0) {
      throw new PlatformError(
        ErrorCode.ServiceUnavailable,
        `Required services unavailable: ${missing.join(', ')}`,
        { missing, ...health },
      );
    }
    return health;
  }

  private async probe(service: NatsServiceName): Promise<ServiceStatusDto> {
    const required = this.config.GATEWAY_REQUIRED_SERVICES.includes(service);
    const started = performance.now();
    const latency = (): number => Math.round((performance.now() - started) * 10) / 10;
    try {
      const reply = await this.client.request(
        HEALTH_SUBJECTS[service],
        { from: ServiceName.Gateway },
        { timeoutMs: this.config.GATEWAY_HEALTH_TIMEOUT_MS },
      );
      return {
        status: reply.ready ? 'up' : 'down',
        required,
        version: reply.version,
        latencyMs: latency(),
        checks: reply.checks,
        ...(reply.ready ? {} : { error: 'not ready: a dependency is down' }),
      };
    } catch (error) {
      return {
        status: 'down',
        required,
        latencyMs: latency(),
        error: toPlatformError(error).message,
      };
    }
  }
}
