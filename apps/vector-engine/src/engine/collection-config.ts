import { DISTANCES, type Distance } from './distance';
import { EngineError } from './engine-error';

/** Largest vector Qdrant accepts. */
export const MAX_VECTOR_SIZE = 65_536;

export interface VectorParams {
  size: number;
  distance: Distance;
  on_disk?: boolean;
  hnsw_config?: Record<string, unknown>;
  quantization_config?: Record<string, unknown> | null;
  datatype?: string;
}

export interface SparseVectorParams {
  index?: Record<string, unknown>;
  modifier?: 'idf' | 'none';
}

export interface HnswConfig {
  m: number;
  ef_construct: number;
  full_scan_threshold: number;
  max_indexing_threads: number;
  on_disk: boolean;
  payload_m?: number | null;
}

export interface OptimizersConfig {
  deleted_threshold: number;
  vacuum_min_vector_number: number;
  default_segment_number: number;
  max_segment_size: number | null;
  memmap_threshold: number | null;
  indexing_threshold: number | null;
  flush_interval_sec: number;
  max_optimization_threads: number | null;
}

/** The collection config exactly as Qdrant reports it in collection info. */
export interface CollectionConfig {
  params: {
    /** One unnamed vector (VectorParams) or named vectors. */
    vectors: VectorParams | Record<string, VectorParams>;
    shard_number: number;
    replication_factor: number;
    write_consistency_factor: number;
    on_disk_payload: boolean;
    sparse_vectors?: Record<string, SparseVectorParams>;
  };
  hnsw_config: HnswConfig;
  optimizer_config: OptimizersConfig;
  wal_config: { wal_capacity_mb: number; wal_segments_ahead: number; wal_retain_closed: number };
  quantization_config: Record<string, unknown> | null;
  strict_mode_config: Record<string, unknown>;
  metadata?: Record<string, unknown>;
}

/** Name of the unnamed vector, as Qdrant calls it internally. */
export const DEFAULT_VECTOR = '';

const NAME_FORBIDDEN = /[<>:"/\\|?*\0]/;

export function validateCollectionName(name: string): void {
  if (
    name.length === 0 ||
    name.length > 255 ||
    NAME_FORBIDDEN.test(name) ||
    name === '.' ||
    name === '..'
  ) {
    throw EngineError.badInput(
      `Collection name must be 1 to 255 characters and must not contain < > : " / \\ | ? * or NUL, got \`${name}\``,
    );
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function uint(value: unknown, field: string, min = 0): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw EngineError.badInput(`${field} must be an integer >= ${min}`);
  }
  return value;
}

function parseVectorParams(value: unknown, field: string): VectorParams {
  if (!isObject(value))
    throw EngineError.badInput(`${field} must be an object with size and distance`);
  const size = uint(value['size'], `${field}.size`, 1);
  if (size > MAX_VECTOR_SIZE) {
    throw EngineError.badInput(`${field}.size must be at most ${MAX_VECTOR_SIZE}, got ${size}`);
  }
  const distance = value['distance'];
  if (!DISTANCES.includes(distance as Distance)) {
    throw EngineError.badInput(`${field}.distance must be one of ${DISTANCES.join(', ')}`);
  }
  const params: VectorParams = { size, distance: distance as Distance };
  if (typeof value['on_disk'] === 'boolean') params.on_disk = value['on_disk'];
  if (isObject(value['hnsw_config'])) params.hnsw_config = value['hnsw_config'];
  if (isObject(value['quantization_config'])) {
    params.quantization_config = parseQuantization(
      value['quantization_config'],
      `${field}.quantization_config`,
    );
  }
  if (typeof value['datatype'] === 'string') params.datatype = value['datatype'];
  return params;
}

function parseVectors(value: unknown): VectorParams | Record<string, VectorParams> {
  if (value === undefined || value === null) return {};
  if (isObject(value) && 'size' in value) return parseVectorParams(value, 'vectors');
  if (!isObject(value))
    throw EngineError.badInput('vectors must be vector params or a map of named vector params');
  const named: Record<string, VectorParams> = {};
  for (const [name, params] of Object.entries(value))
    named[name] = parseVectorParams(params, `vectors.${name}`);
  return named;
}

function parseSparse(value: unknown): Record<string, SparseVectorParams> | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value))
    throw EngineError.badInput('sparse_vectors must be a map of named sparse vector params');
  const sparse: Record<string, SparseVectorParams> = {};
  for (const [name, params] of Object.entries(value)) {
    const entry: SparseVectorParams = {};
    if (isObject(params)) {
      if (isObject(params['index'])) entry.index = params['index'];
      const modifier = params['modifier'];
      if (modifier !== undefined && modifier !== null) {
        if (modifier !== 'idf' && modifier !== 'none') {
          throw EngineError.badInput(`sparse_vectors.${name}.modifier must be idf or none`);
        }
        entry.modifier = modifier;
      }
    }
    sparse[name] = entry;
  }
  return sparse;
}

export function parseQuantization(value: unknown, field: string): Record<string, unknown> | null {
  // Qdrant's QuantizationConfigDiff turns quantization off with the string "Disabled".
  if (value === undefined || value === null || value === 'Disabled') return null;
  if (!isObject(value)) throw EngineError.badInput(`${field} must be an object or "Disabled"`);
  const scalar = value['scalar'];
  if (isObject(scalar)) {
    if (scalar['type'] !== 'int8') throw EngineError.badInput(`${field}.scalar.type must be int8`);
    const quantile = scalar['quantile'];
    if (
      quantile !== undefined &&
      quantile !== null &&
      (typeof quantile !== 'number' || quantile < 0.5 || quantile > 1)
    ) {
      throw EngineError.badInput(`${field}.scalar.quantile must be between 0.5 and 1`);
    }
    return { scalar: { ...scalar } };
  }
  if (isObject(value['product']) || isObject(value['binary'])) return { ...value };
  throw EngineError.badInput(`${field} must have one of scalar, product or binary`);
}

const DEFAULT_HNSW: HnswConfig = {
  m: 16,
  ef_construct: 100,
  full_scan_threshold: 10_000,
  max_indexing_threads: 0,
  on_disk: false,
};

const DEFAULT_OPTIMIZERS: OptimizersConfig = {
  deleted_threshold: 0.2,
  vacuum_min_vector_number: 1000,
  default_segment_number: 0,
  max_segment_size: null,
  memmap_threshold: null,
  indexing_threshold: 10_000,
  flush_interval_sec: 5,
  max_optimization_threads: null,
};

function mergeHnsw(base: HnswConfig, diff: unknown): HnswConfig {
  if (diff === undefined || diff === null) return base;
  if (!isObject(diff)) throw EngineError.badInput('hnsw_config must be an object');
  const next = { ...base };
  if (diff['m'] !== undefined) next.m = uint(diff['m'], 'hnsw_config.m');
  if (diff['ef_construct'] !== undefined)
    next.ef_construct = uint(diff['ef_construct'], 'hnsw_config.ef_construct', 4);
  if (diff['full_scan_threshold'] !== undefined) {
    next.full_scan_threshold = uint(diff['full_scan_threshold'], 'hnsw_config.full_scan_threshold');
  }
  if (diff['max_indexing_threads'] !== undefined) {
    next.max_indexing_threads = uint(
      diff['max_indexing_threads'],
      'hnsw_config.max_indexing_threads',
    );
  }
  if (typeof diff['on_disk'] === 'boolean') next.on_disk = diff['on_disk'];
  if (diff['payload_m'] !== undefined)
    next.payload_m =
      diff['payload_m'] === null ? null : uint(diff['payload_m'], 'hnsw_config.payload_m');
  return next;
}

function mergeOptimizers(base: OptimizersConfig, diff: unknown): OptimizersConfig {
  if (diff === undefined || diff === null) return base;
  if (!isObject(diff)) throw EngineError.badInput('optimizers_config must be an object');
  const next = { ...base };
  for (const key of Object.keys(base) as (keyof OptimizersConfig)[]) {
    const value = diff[key];
    if (value === undefined) continue;
    if (value !== null && typeof value !== 'number') {
      throw EngineError.badInput(`optimizers_config.${key} must be a number`);
    }
    (next as unknown as Record<string, number | null>)[key] = value;
  }
  return next;
}

/** Builds the full config from a create-collection request body, with Qdrant's defaults. */
export function parseCreateCollection(body: unknown): CollectionConfig {
  const request = isObject(body) ? body : {};
  const config: CollectionConfig = {
    params: {
      vectors: parseVectors(request['vectors']),
      shard_number: 1,
      replication_factor: 1,
      write_consistency_factor: 1,
      on_disk_payload: request['on_disk_payload'] === false ? false : true,
    },
    hnsw_config: mergeHnsw(DEFAULT_HNSW, request['hnsw_config']),
    optimizer_config: mergeOptimizers(DEFAULT_OPTIMIZERS, request['optimizers_config']),
    wal_config: { wal_capacity_mb: 32, wal_segments_ahead: 0, wal_retain_closed: 1 },
    quantization_config: parseQuantization(request['quantization_config'], 'quantization_config'),
    strict_mode_config: { enabled: false },
  };
  const sparse = parseSparse(request['sparse_vectors']);
  if (sparse) config.params.sparse_vectors = sparse;
  if (isObject(request['metadata'])) config.metadata = request['metadata'];
  return config;
}

/** Applies a PATCH /collections/{name} body (only tunable parts change; vector sizes never do). */
export function applyCollectionUpdate(config: CollectionConfig, body: unknown): CollectionConfig {
  const request = isObject(body) ? body : {};
  const next: CollectionConfig = structuredClone(config);
  next.hnsw_config = mergeHnsw(next.hnsw_config, request['hnsw_config']);
  next.optimizer_config = mergeOptimizers(next.optimizer_config, request['optimizers_config']);
  if ('quantization_config' in request) {
    next.quantization_config = parseQuantization(
      request['quantization_config'],
      'quantization_config',
    );
  }
  if (isObject(request['params']) && typeof request['params']['on_disk_payload'] === 'boolean') {
    next.params.on_disk_payload = request['params']['on_disk_payload'];
  }
  if (isObject(request['metadata'])) next.metadata = { ...next.metadata, ...request['metadata'] };
  if (isObject(request['vectors'])) {
    for (const [name, diff] of Object.entries(request['vectors'])) {
      const params = vectorParamsOf(next, name);
      if (!params) throw EngineError.badInput(`Vector with name \`${name}\` does not exist`);
      if (isObject(diff) && typeof diff['on_disk'] === 'boolean') params.on_disk = diff['on_disk'];
      if (isObject(diff) && isObject(diff['hnsw_config'])) params.hnsw_config = diff['hnsw_config'];
    }
  }
  const sparse = parseSparse(request['sparse_vectors']);
  if (sparse) next.params.sparse_vectors = { ...next.params.sparse_vectors, ...sparse };
  return next;
}

/** Whether the collection has one unnamed vector (clients then send plain arrays). */
export function hasUnnamedVector(config: CollectionConfig): boolean {
  return 'size' in config.params.vectors;
}

/** Every dense vector of the collection by name ('' for the unnamed one). */
export function denseVectors(config: CollectionConfig): Map<string, VectorParams> {
  const vectors = config.params.vectors;
  if ('size' in vectors) return new Map([[DEFAULT_VECTOR, vectors as VectorParams]]);
  return new Map(Object.entries(vectors as Record<string, VectorParams>));
}

export function vectorParamsOf(config: CollectionConfig, name: string): VectorParams | undefined {
  return denseVectors(config).get(name);
}
