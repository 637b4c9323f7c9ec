import { EngineError } from '../engine-error';
import type { CollectionState } from '../collection/collection-state';
import { parsePointId } from '../point-id';
import type { SparseVector } from '../points/point-record';
import { parseDense, parseSparse } from '../points/vector-input';
import { parseOrderBy, type OrderBy } from '../points/point-reads';
import { STRATEGIES, type Strategy } from './recommend';

export type ParsedQuery =
  | { kind: 'nearest'; vector: Float32Array | SparseVector; exclude?: number }
  | { kind: 'recommend'; positive: unknown; negative: unknown; strategy: Strategy }
  | { kind: 'order_by'; orderBy: OrderBy }
  | { kind: 'fusion'; method: 'rrf' | 'dbsf'; k?: number; weights?: number[] }
  | { kind: 'sample' };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A VectorInput: a dense vector, a sparse vector, or the id of a point whose vector is used. */
export function parseVectorInput(
  state: CollectionState,
  using: string,
  value: unknown,
  field: string,
): ParsedQuery {
  if (Array.isArray(value)) {
    if (value.length > 0 && Array.isArray(value[0])) {
      throw EngineError.badInput(`${field}: multi-vectors are not supported by this engine`);
    }
    if (state.config.params.sparse_vectors?.[using]) {
      throw EngineError.badInput(`${field}: vector \`${using}\` is sparse; send {indices, values}`);
    }
    return { kind: 'nearest', vector: parseDense(state.config, using, value, field) };
  }
  if (isObject(value) && 'indices' in value) {
    return { kind: 'nearest', vector: parseSparse(state.config, using, value, field) };
  }
  if (typeof value === 'number' || typeof value === 'string') {
    const record = state.get(parsePointId(value, field));
    if (!record) throw EngineError.notFound(`No point with id ${value} found`);
    const vector = state.vectorOf(record, using) ?? record.sparse.get(using);
    if (!vector) throw EngineError.badInput(`Point ${value} has no vector ${using || '(unnamed)'}`);
    return { kind: 'nearest', vector, exclude: record.label };
  }
  throw EngineError.badInput(`${field} must be a vector, a sparse vector or a point id`);
}

/** The `query` of the universal query API. */
export function parseQuery(
  state: CollectionState,
  using: string,
  value: unknown,
): ParsedQuery | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value) || 'indices' in value) return parseVectorInput(state, using, value, 'query');
  if ('nearest' in value) return parseVectorInput(state, using, value['nearest'], 'query.nearest');
  if ('recommend' in value) {
    const recommend = isObject(value['recommend']) ? value['recommend'] : {};
    const strategy = (recommend['strategy'] ?? 'average_vector') as Strategy;
    if (!STRATEGIES.includes(strategy))
      throw EngineError.badInput(
        `query.recommend.strategy must be one of ${STRATEGIES.join(', ')}`,
      );
    return {
      kind: 'recommend',
      positive: recommend['positive'],
      negative: recommend['negative'],
      strategy,
    };
  }
  if ('order_by' in value) return { kind: 'order_by', orderBy: parseOrderBy(value['order_by']) };
  if ('fusion' in value) {
    if (value['fusion'] !== 'rrf' && value['fusion'] !== 'dbsf')
      throw EngineError.badInput('query.fusion must be rrf or dbsf');
    return { kind: 'fusion', method: value['fusion'] };
  }
  if ('rrf' in value) {
    const params = isObject(value['rrf']) ? value['rrf'] : {};
    const k = params['k'];
    const weights = params['weights'];
    if (k !== undefined && k !== null && (typeof k !== 'number' || !Number.isInteger(k) || k < 1)) {
      throw EngineError.badInput('query.rrf.k must be an integer >= 1');
    }
    if (
      weights !== undefined &&
      weights !== null &&
      (!Array.isArray(weights) || !weights.every((w) => typeof w === 'number'))
    ) {
      throw EngineError.badInput('query.rrf.weights must be a list of numbers');
    }
    return {
      kind: 'fusion',
      method: 'rrf',
      k: (k as number | null) ?? undefined,
      weights: (weights as number[] | null) ?? undefined,
    };
  }
  if ('sample' in value) {
    if (value['sample'] !== 'random') throw EngineError.badInput('query.sample must be random');
    return { kind: 'sample' };
  }
  throw EngineError.badInput(
    'query must be a vector, a point id, or one of nearest, recommend, order_by, fusion, rrf, sample (discover, context and formula are not supported)',
  );
}
