import { register } from 'prom-client';

/**
 * A metric from prom-client's global registry, created on first use. A second app instance in
 * one process (tests) reuses the metric instead of failing on a duplicate name.
 */
export function registeredMetric<T>(name: string, create: () => T): T {
  return (register.getSingleMetric(name) as T | undefined) ?? create();
}
