import { IsOptional, IsString, MaxLength } from 'class-validator';

export type DependencyState = 'up' | 'degraded' | 'down';

export interface DependencyHealth {
  status: DependencyState;
  [detail: string]: unknown;
}

/** Payload of `<service>.health.v1`. */
export class ServiceHealthRequest {
  /** Who asks, for the service's logs. */
  @IsOptional()
  @IsString()
  @MaxLength(64)
  from?: string;
}

/** Reply of `<service>.health.v1`: the service's own readiness, as on its `/health/ready`. */
export interface ServiceHealthReply {
  service: string;
  version: string;
  ready: boolean;
  uptimeSeconds: number;
  checks: Record<string, DependencyHealth>;
}

/** Payload of subjects that take no arguments (model lists, collection list). */
export class EmptyRequest {}
