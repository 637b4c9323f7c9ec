import { payloadValues } from '../filter/payload-path';
import { DEFAULT_VECTOR, hasUnnamedVector, type CollectionConfig } from '../collection-config';
import { EngineError } from '../engine-error';
import { float32ArrayToJson } from './float32-json';
import type { Payload, PointRecord, SparseVector } from './point-record';

export type PayloadSelector = (payload: Payload) => Payload | undefined;
export type VectorSelector = (record: PointRecord) => unknown;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringList(value: unknown, field: string): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw EngineError.badInput(`${field} must be a list of field names`);
  }
  return value as string[];
}

/** Sets `value` at a dotted key, creating objects on the way (for include selectors). */
function setPath(target: Payload, key: string, value: unknown): void {
  const parts = key.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    if (!isObject(node[part])) node[part] = {};
    node = node[part] as Payload;
  }
  node[parts[parts.length - 1]] = value;
}

function without(payload: Payload, key: string): Payload {
  const copy = structuredClone(payload);
  const parts = key.split('.');
  let node: unknown = copy;
  for (const part of parts.slice(0, -1)) {
    if (!isObject(node)) return copy;
    node = node[part];
  }
  if (isObject(node)) delete node[parts[parts.length - 1]];
  return copy;
}

/** `with_payload`: true, false, a list of keys, {include: [...]} or {exclude: [...]}. */
export function payloadSelector(value: unknown, defaultValue: boolean): PayloadSelector {
  const spec = value === undefined || value === null ? defaultValue : value;
  if (spec === true) return (payload) => payload;
  if (spec === false) return () => undefined;
  const include = Array.isArray(spec)
    ? stringList(spec, 'with_payload')
    : isObject(spec) && 'include' in spec
      ? stringList(spec['include'], 'with_payload.include')
      : undefined;
  if (include) {
    return (payload) => {
      const picked: Payload = {};
      for (const key of include) {
        if (!key.includes('.')) {
          if (key in payload) picked[key] = payload[key];
          continue;
        }
        const values = payloadValues(payload, key);
        if (values.length > 0) setPath(picked, key, values.length === 1 ? values[0] : values);
      }
      return picked;
    };
  }
  if (isObject(spec) && 'exclude' in spec) {
    const exclude = stringList(spec['exclude'], 'with_payload.exclude');
    return (payload) => exclude.reduce(without, payload);
  }
  throw EngineError.badInput(
    'with_payload must be a boolean, a list of keys, {include} or {exclude}',
  );
}

function outputVector(vector: Float32Array | SparseVector): unknown {
  return vector instanceof Float32Array
    ? float32ArrayToJson(vector)
    : { indices: vector.indices, values: vector.values };
}

/** Reads a point's float32 vector, wherever it is kept (memory or its graph). */
export type VectorResolver = (record: PointRecord, name: string) => Float32Array | undefined;

/** `with_vector`: true, false, or a list of vector names. */
export function vectorSelector(
  value: unknown,
  config: CollectionConfig,
  resolve: VectorResolver,
): VectorSelector | undefined {
  if (value === undefined || value === null || value === false) return undefined;
  const names = value === true ? undefined : stringList(value, 'with_vector');
  const unnamed = hasUnnamedVector(config);
  return (record) => {
    if (
      unnamed &&
      record.sparse.size === 0 &&
      (names === undefined || names.includes(DEFAULT_VECTOR))
    ) {
      const vector = resolve(record, DEFAULT_VECTOR);
      return vector ? float32ArrayToJson(vector) : {};
    }
    const out: Record<string, unknown> = {};
    for (const name of record.vectors.keys()) {
      const vector = resolve(record, name);
      if (vector && (names === undefined || names.includes(name))) out[name] = outputVector(vector);
    }
    for (const [name, vector] of record.sparse) {
      if (names === undefined || names.includes(name)) out[name] = outputVector(vector);
    }
    return out;
  };
}

/** A `Record` as Qdrant returns it from retrieve and scroll. */
export function toRecord(
  record: PointRecord,
  selectPayload: PayloadSelector,
  selectVector: VectorSelector | undefined,
): Record<string, unknown> {
  const out: Record<string, unknown> = { id: record.id };
  const payload = selectPayload(record.payload);
  out['payload'] = payload ?? null;
  out['vector'] = selectVector ? selectVector(record) : null;
  return out;
}
