import {
  DEFAULT_VECTOR,
  denseVectors,
  hasUnnamedVector,
  type CollectionConfig,
} from '../collection-config';
import { normalize } from '../distance';
import { EngineError } from '../engine-error';
import type { SparseVector } from './point-record';

export interface ParsedVectors {
  dense: Map<string, Float32Array>;
  sparse: Map<string, SparseVector>;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A dense vector checked against its declared size, normalised for Cosine. */
export function parseDense(
  config: CollectionConfig,
  name: string,
  value: unknown,
  field: string,
): Float32Array {
  const params = denseVectors(config).get(name);
  if (!params) throw EngineError.badInput(`Not existing vector name error: ${name || '(unnamed)'}`);
  if (!Array.isArray(value)) throw EngineError.badInput(`${field} must be an array of numbers`);
  if (value.length !== params.size) {
    throw EngineError.badInput(
      `Vector dimension error: expected dim: ${params.size}, got ${value.length}`,
    );
  }
  const vector = new Float32Array(value.length);
  for (let i = 0; i < value.length; i++) {
    const x = value[i] as unknown;
    if (typeof x !== 'number' || !Number.isFinite(x)) {
      throw EngineError.badInput(`${field}[${i}] must be a finite number`);
    }
    vector[i] = x;
  }
  return params.distance === 'Cosine' ? normalize(vector) : vector;
}

export function parseSparse(
  config: CollectionConfig,
  name: string,
  value: unknown,
  field: string,
): SparseVector {
  if (!config.params.sparse_vectors?.[name]) {
    throw EngineError.badInput(`Not existing vector name error: ${name}`);
  }
  if (!isObject(value) || !Array.isArray(value['indices']) || !Array.isArray(value['values'])) {
    throw EngineError.badInput(`${field} must be a sparse vector {indices, values}`);
  }
  const indices = value['indices'] as unknown[];
  const values = value['values'] as unknown[];
  if (indices.length !== values.length) {
    throw EngineError.badInput(`${field}: indices and values must have the same length`);
  }
  const pairs = indices.map((index, i) => {
    const v = values[i];
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index > 0xffffffff) {
      throw EngineError.badInput(`${field}.indices[${i}] must be an unsigned 32-bit integer`);
    }
    if (typeof v !== 'number' || !Number.isFinite(v))
      throw EngineError.badInput(`${field}.values[${i}] must be a number`);
    return [index, v] as const;
  });
  pairs.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < pairs.length; i++) {
    if (pairs[i][0] === pairs[i - 1][0])
      throw EngineError.badInput(`${field}: duplicate index ${pairs[i][0]}`);
  }
  return { indices: pairs.map((p) => p[0]), values: pairs.map((p) => p[1]) };
}

/** Parses a point's `vector` (VectorStruct): a plain array for the unnamed vector, or a map by name. */
export function parseVectorStruct(
  config: CollectionConfig,
  value: unknown,
  field: string,
): ParsedVectors {
  const dense = new Map<string, Float32Array>();
  const sparse = new Map<string, SparseVector>();
  if (Array.isArray(value)) {
    if (!hasUnnamedVector(config)) {
      throw EngineError.badInput(
        `${field}: this collection has named vectors; send {"<name>": [...]}`,
      );
    }
    dense.set(DEFAULT_VECTOR, parseDense(config, DEFAULT_VECTOR, value, field));
    return { dense, sparse };
  }
  if (!isObject(value))
    throw EngineError.badInput(`${field} must be a vector or a map of named vectors`);
  for (const [name, vector] of Object.entries(value)) {
    if (config.params.sparse_vectors?.[name])
      sparse.set(name, parseSparse(config, name, vector, `${field}.${name}`));
    else dense.set(name, parseDense(config, name, vector, `${field}.${name}`));
  }
  return { dense, sparse };
}

/** The `vectors` of the batch upsert form, split per point. */
export function parseBatchVectors(
  config: CollectionConfig,
  value: unknown,
  count: number,
): ParsedVectors[] {
  const result = Array.from(
    { length: count },
    () => ({ dense: new Map(), sparse: new Map() }) as ParsedVectors,
  );
  const byName: Record<string, unknown> = Array.isArray(value)
    ? { [DEFAULT_VECTOR]: value }
    : isObject(value)
      ? value
      : {};
  if (!Array.isArray(value) && !isObject(value))
    throw EngineError.badInput('batch.vectors must be a list or a map of lists');
  for (const [name, list] of Object.entries(byName)) {
    if (!Array.isArray(list) || list.length !== count) {
      throw EngineError.badInput(
        `batch.vectors${name ? `.${name}` : ''} must have one vector per id (${count})`,
      );
    }
    list.forEach((vector, i) => {
      const field = `batch.vectors${name ? `.${name}` : ''}[${i}]`;
      if (config.params.sparse_vectors?.[name])
        result[i].sparse.set(name, parseSparse(config, name, vector, field));
      else result[i].dense.set(name, parseDense(config, name, vector, field));
    });
  }
  return result;
}
