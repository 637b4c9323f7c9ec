import type { HealthIndicatorResult } from '@nestjs/terminus';

/** A dependency an app needs before it can serve: NATS, Redis, Qdrant, a model. */
export interface ReadinessIndicator {
  readonly key: string;
  check(): PromiseLike<HealthIndicatorResult>;
}

/** How long one dependency check may take before it counts as down. */
export const INDICATOR_TIMEOUT_MS = 1500;
