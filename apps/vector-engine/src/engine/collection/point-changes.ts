import { EngineError } from '../engine-error';
import { parsePointId, type PointId } from '../point-id';
import type { Payload } from '../points/point-record';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asObject(value: unknown, field: string): Record<string, unknown> {
  if (!isObject(value)) throw EngineError.badInput(`${field} must be a JSON object`);
  return value;
}

export function asPayload(value: unknown, field: string): Payload {
  if (value === undefined || value === null) return {};
  return asObject(value, field);
}

/** `points: [ids]` or `filter: {...}` of a PointsSelector (or of set/delete payload bodies). */
export type PointsSelector = { ids: PointId[] } | { filter: unknown };

export function parseSelector(body: Record<string, unknown>, what: string): PointsSelector {
  if (Array.isArray(body['points'])) {
    return { ids: (body['points'] as unknown[]).map((id, i) => parsePointId(id, `points[${i}]`)) };
  }
  if (body['filter'] !== undefined && body['filter'] !== null) return { filter: body['filter'] };
  throw EngineError.badInput(`${what} needs either points (a list of ids) or filter`);
}

/** set_payload with `key`: merge under that (possibly nested) key instead of the top level. */
export function mergePayload(current: Payload, update: Payload, key?: string): Payload {
  const next = structuredClone(current);
  if (!key) return Object.assign(next, structuredClone(update));
  const parts = key.split('.');
  let node: Payload = next;
  for (const part of parts) {
    if (!isObject(node[part])) node[part] = {};
    node = node[part] as Payload;
  }
  Object.assign(node, structuredClone(update));
  return next;
}

/** delete_payload: removes each key (dotted keys reach into nested objects and arrays of them). */
export function deletePayloadKeys(current: Payload, keys: string[]): Payload {
  const next = structuredClone(current);
  for (const key of keys) removePath(next, key.replace(/\[\]/g, '').split('.'));
  return next;
}

function removePath(node: unknown, parts: string[]): void {
  if (Array.isArray(node)) {
    for (const item of node) removePath(item, parts);
    return;
  }
  if (!isObject(node)) return;
  if (parts.length === 1) {
    delete node[parts[0]];
    return;
  }
  removePath(node[parts[0]], parts.slice(1));
}
