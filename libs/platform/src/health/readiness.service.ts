import { Inject, Injectable } from '@nestjs/common';
import { Gauge } from 'prom-client';
import type { DependencyHealth, ServiceHealthReply } from '@aip/contracts';
import { AppInfo } from '../core/app-info';
import { registeredMetric } from '../metrics/registered-metric';
import type { ReadinessIndicator } from './readiness-indicator';

/** 1 when the app's last readiness check passed: alerts on a service that is not ready. */
const readyGauge = registeredMetric(
  'aip_ready',
  () =>
    new Gauge({ name: 'aip_ready', help: '1 when the last /health/ready check passed, else 0' }),
);

export const READINESS_INDICATORS = Symbol('READINESS_INDICATORS');

/** Runs every dependency check of the app at once; ready when all are up. */
@Injectable()
export class ReadinessService {
  constructor(
    private readonly info: AppInfo,
    @Inject(READINESS_INDICATORS) private readonly indicators: ReadinessIndicator[],
  ) {}

  async check(): Promise<ServiceHealthReply> {
    const results = await Promise.all(this.indicators.map((indicator) => indicator.check()));
    const checks: Record<string, DependencyHealth> = {};
    for (const result of results) Object.assign(checks, result);
    // A degraded dependency (e.g. rate limiting failing open) still serves.
    const ready = Object.values(checks).every((check) => check.status !== 'down');
    readyGauge.set(ready ? 1 : 0);
    return {
      service: this.info.service,
      version: this.info.version,
      ready,
      uptimeSeconds: Math.round((Date.now() - this.info.startedAt) / 1000),
      checks,
    };
  }
}

export function downDependencies(reply: ServiceHealthReply): string[] {
  return Object.entries(reply.checks)
    .filter(([, check]) => check.status === 'down')
    .map(([name]) => name);
}
