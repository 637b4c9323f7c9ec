import { EngineError } from '../engine/engine-error';

export function body(request: { body: unknown }): Record<string, unknown> {
  const value = request.body;
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value))
    throw EngineError.badInput('request body must be a JSON object');
  return value as Record<string, unknown>;
}

export function optionalUint(
  value: unknown,
  field: string,
  fallback: number,
  max = Number.MAX_SAFE_INTEGER,
): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw EngineError.badInput(`${field} must be a non-negative integer`);
  }
  if (value > max) throw EngineError.badInput(`${field} must be at most ${max}, got ${value}`);
  return value;
}

export function optionalNumber(value: unknown, field: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw EngineError.badInput(`${field} must be a number`);
  return value;
}

export function optionalBoolean(value: unknown, field: string): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw EngineError.badInput(`${field} must be true or false`);
  return value;
}

export function collectionParam(request: { params: unknown }): string {
  return (request.params as { collection_name: string }).collection_name;
}

/** Largest `limit` (top-k, scroll page) one request may ask for. */
export const MAX_LIMIT = 100_000;
