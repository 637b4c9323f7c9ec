import { EngineError } from './engine-error';
import { canonicalUuid } from './filter/point-id';

/** A Qdrant point id: an unsigned integer or a UUID (always hyphenated lowercase here). */
export type PointId = number | string;

/**
 * Parses an id as Qdrant does: unsigned integers, or UUIDs in hyphenated, simple, braced or
 * urn form. The result is canonical, so the same point always has the same key.
 */
export function parsePointId(value: unknown, field = 'id'): PointId {
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value) && value >= 0) return value;
    throw EngineError.badInput(
      `${field}: point id must be an unsigned integer or a UUID, got ${value}`,
    );
  }
  if (typeof value === 'string') {
    const uuid = canonicalUuid(value);
    if (uuid !== undefined) return uuid;
    throw EngineError.badInput(`${field}: Unable to parse UUID: ${value}`);
  }
  throw EngineError.badInput(`${field}: point id must be an unsigned integer or a UUID string`);
}

/** The map key of an id: integers and UUIDs can never collide (UUIDs contain '-'). */
export function pointKey(id: PointId): string {
  return typeof id === 'number' ? String(id) : id;
}

export function keyToPointId(key: string): PointId {
  return key.includes('-') ? key : Number(key);
}

/** Qdrant orders ids with integers first (ascending), then UUIDs (lexicographic). */
export function compareIds(a: PointId, b: PointId): number {
  if (typeof a === 'number') return typeof b === 'number' ? a - b : -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
