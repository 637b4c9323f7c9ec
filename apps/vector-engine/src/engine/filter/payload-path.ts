import { FilterError } from './filter-error';

// Payload keys use Qdrant's JSON path syntax: `a.b`, `a[].b` (every element), `a[0].b` (one
// element) and `"a.b"` for a key that itself contains dots or brackets. As in Qdrant, `.b` only
// reads objects: `a.b` over an array `a` finds nothing, `a[].b` is needed to look inside it.

export type PathSegment =
  | { readonly kind: 'key'; readonly name: string }
  | { readonly kind: 'index'; readonly index: number }
  | { readonly kind: 'wildcard' };

/** What a path lookup found: nothing, values that were all rejected, or an accepted value. */
export const NO_VALUE = 0;
export const REJECTED = 1;
export const ACCEPTED = 2;
export type VisitResult = typeof NO_VALUE | typeof REJECTED | typeof ACCEPTED;

/** Called with each value at a path, leaf arrays as they are; returns true to accept and stop. */
export type ValueVisitor = (value: unknown) => boolean;

/** Visits the values at one path without allocating. */
export type PathVisitor = (root: Record<string, unknown>, visit: ValueVisitor) => VisitResult;

// Qdrant's key characters: Unicode letters and digits, `_` and `-`.
const RAW_KEY = /^[\p{Alphabetic}\p{N}_-]+/u;

/** Parses a payload key, or returns undefined when it is not a valid JSON path. */
export function parsePayloadKey(key: string): PathSegment[] | undefined {
  const segments: PathSegment[] = [];
  let rest = key;
  const first = readKey(rest);
  if (!first) return undefined;
  segments.push({ kind: 'key', name: first.name });
  rest = first.rest;
  while (rest.length > 0) {
    if (rest.startsWith('[]')) {
      segments.push({ kind: 'wildcard' });
      rest = rest.slice(2);
      continue;
    }
    const index = /^\[(\d+)\]/.exec(rest);
    if (index) {
      segments.push({ kind: 'index', index: Number(index[1]) });
      rest = rest.slice(index[0].length);
      continue;
    }
    if (!rest.startsWith('.')) return undefined;
    const next = readKey(rest.slice(1));
    if (!next) return undefined;
    segments.push({ kind: 'key', name: next.name });
    rest = next.rest;
  }
  return segments;
}

function readKey(text: string): { name: string; rest: string } | undefined {
  if (text.startsWith('"')) {
    const end = text.indexOf('"', 1);
    if (end < 0) return undefined;
    const name = text.slice(1, end);
    // Qdrant has no escapes inside quotes, so a backslash cannot be part of a quoted key.
    if (name.includes('\\')) return undefined;
    return { name, rest: text.slice(end + 1) };
  }
  const raw = RAW_KEY.exec(text);
  return raw ? { name: raw[0], rest: text.slice(raw[0].length) } : undefined;
}

/** Parses a key or throws a FilterError at `path`. */
export function parsePayloadKeyOrThrow(key: string, path: string): PathSegment[] {
  const segments = parsePayloadKey(key);
  if (!segments) throw new FilterError(path, `invalid payload key ${JSON.stringify(key)}`);
  return segments;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Own properties only: a payload without "constructor" must not find Object's constructor.
// Held in a constant, as looking it up on Object costs more than the check in a hot loop.
const hasOwnProperty = Object.prototype.hasOwnProperty;

function ownValue(object: Record<string, unknown>, name: string): unknown {
  return hasOwnProperty.call(object, name) ? object[name] : undefined;
}

export function compilePathVisitor(segments: readonly PathSegment[]): PathVisitor {
  const head = segments[0];
  if (segments.length === 1 && head?.kind === 'key') {
    // The common case, a top-level key, without the generic walk.
    const name = head.name;
    return (root, visit) => {
      const value = ownValue(root, name);
      if (value === undefined) return NO_VALUE;
      return visit(value) ? ACCEPTED : REJECTED;
    };
  }
  return (root, visit) => walk(root, segments, 0, visit);
}

function walk(
  value: unknown,
  segments: readonly PathSegment[],
  at: number,
  visit: ValueVisitor,
): VisitResult {
  if (value === undefined) return NO_VALUE;
  const segment = segments[at];
  if (segment === undefined) return visit(value) ? ACCEPTED : REJECTED;
  switch (segment.kind) {
    case 'key':
      return isPlainObject(value)
        ? walk(ownValue(value, segment.name), segments, at + 1, visit)
        : NO_VALUE;
    case 'index':
      return Array.isArray(value) && segment.index < value.length
        ? walk(value[segment.index], segments, at + 1, visit)
        : NO_VALUE;
    case 'wildcard': {
      if (!Array.isArray(value)) return NO_VALUE;
      let result: VisitResult = NO_VALUE;
      for (const element of value) {
        const found = walk(element, segments, at + 1, visit);
        if (found === ACCEPTED) return ACCEPTED;
        if (found > result) result = found;
      }
      return result;
    }
  }
}

/** The values at a path with leaf arrays kept whole, as Qdrant's is_empty and values_count see them. */
export function rawValues(
  payload: Record<string, unknown>,
  segments: readonly PathSegment[],
): unknown[] {
  const values: unknown[] = [];
  walk(payload, segments, 0, (value) => {
    values.push(value);
    return false;
  });
  return values;
}

/** Leaf arrays spread one level, the values match, range and geo conditions compare. */
export function flattenValues(values: readonly unknown[]): unknown[] {
  const flat: unknown[] = [];
  for (const value of values) {
    if (Array.isArray(value)) flat.push(...(value as unknown[]));
    else flat.push(value);
  }
  return flat;
}

/**
 * The values of `key` in `payload`: `a.b` walks objects, `a[]` every element and `a[0]` one,
 * and an array at the end of the path gives its elements. Throws a FilterError for a bad key.
 */
export function payloadValues(payload: Record<string, unknown>, key: string): unknown[] {
  return flattenValues(rawValues(payload, parsePayloadKeyOrThrow(key, 'key')));
}

/** The key a nested condition reads: Qdrant appends `[]` when it is missing. */
export function nestedArrayKey(key: string): string {
  return key.endsWith('[]') ? key : `${key}[]`;
}
