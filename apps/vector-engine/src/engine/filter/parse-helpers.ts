import { FilterError } from './filter-error';
import type { Bounds } from './filter-node.types';
import { isPlainObject } from './payload-path';

/** How a value reads in an error message: "got a string", "got null". */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number' && !Number.isInteger(value)) return 'a non-integer number';
  return `${/^[aeiou]/.test(typeof value) ? 'an' : 'a'} ${typeof value}`;
}

export function fail(path: string, reason: string): never {
  throw new FilterError(path, reason);
}

/** JSON null and a missing member mean the same in Qdrant's optional fields. */
export function isAbsent(value: unknown): value is null | undefined {
  return value === undefined || value === null;
}

export function hasMember(object: Record<string, unknown>, name: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, name) && object[name] !== undefined;
}

export function expectObject(
  value: unknown,
  path: string,
  what = 'an object',
): Record<string, unknown> {
  if (!isPlainObject(value)) fail(path, `expected ${what}, got ${describe(value)}`);
  return value;
}

export function expectString(value: unknown, path: string): string {
  if (typeof value !== 'string') fail(path, `expected a string, got ${describe(value)}`);
  return value;
}

export function expectBoolean(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') fail(path, `expected a boolean, got ${describe(value)}`);
  return value;
}

export function expectNumber(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    fail(path, `expected a number, got ${describe(value)}`);
  }
  return value;
}

export function expectUnsignedInteger(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    fail(path, `expected an unsigned integer, got ${describe(value)}`);
  }
  return value;
}

const BOUND_NAMES = ['lt', 'gt', 'gte', 'lte'] as const;

/**
 * Reads `{ lt, gt, gte, lte }` into one interval, each bound through `read`. A lower bound given
 * both ways keeps the tighter one, as `x > a && x >= b` does.
 */
export function parseBounds(
  value: unknown,
  path: string,
  read: (bound: unknown, path: string) => number,
): Bounds {
  const object = expectObject(value, path);
  const given: Partial<Record<(typeof BOUND_NAMES)[number], number>> = {};
  for (const name of BOUND_NAMES) {
    if (!isAbsent(object[name])) given[name] = read(object[name], `${path}.${name}`);
  }
  if (Object.keys(given).length === 0) fail(path, 'expected at least one of lt, gt, gte, lte');
  let min = -Infinity;
  let minInclusive = true;
  if (given.gte !== undefined) min = given.gte;
  if (given.gt !== undefined && !(given.gt < min)) {
    min = given.gt;
    minInclusive = false;
  }
  let max = Infinity;
  let maxInclusive = true;
  if (given.lte !== undefined) max = given.lte;
  if (given.lt !== undefined && !(given.lt > max)) {
    max = given.lt;
    maxInclusive = false;
  }
  return { min, minInclusive, max, maxInclusive };
}

/** A compiled interval test. */
export function boundsCheck(bounds: Bounds): (x: number) => boolean {
  const { min, max } = bounds;
  if (bounds.minInclusive) {
    return bounds.maxInclusive ? (x) => x >= min && x <= max : (x) => x >= min && x < max;
  }
  return bounds.maxInclusive ? (x) => x > min && x <= max : (x) => x > min && x < max;
}
