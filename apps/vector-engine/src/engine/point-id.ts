import { EngineError } from './engine-error';

/** A Qdrant point id: an unsigned integer or a UUID (always hyphenated lowercase here). */
export type PointId = number | string;

const UUID_HEX = /^[0-9a-f]{32}$/;

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
    const hex = value
      .trim()
      .toLowerCase()
      .replace(/^urn:uuid:/, '')
      .replace(/^\{(.*)\}$/, '$1')
      .replace(/-/g, '');
    if (UUID_HEX.test(hex)) {
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    }
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
