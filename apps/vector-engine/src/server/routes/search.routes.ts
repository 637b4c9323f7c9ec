import type { FastifyInstance } from 'fastify';
import type { CollectionState } from '../../engine/collection/collection-state';
import type { Engine } from '../../engine/engine';
import { EngineError } from '../../engine/engine-error';
import { float32ToJson } from '../../engine/points/float32-json';
import { payloadSelector, vectorSelector } from '../../engine/points/point-output';
import { executeQuery, type QueryHit, type QueryNode } from '../../engine/search/query-executor';
import { parseQuery, parseVectorInput, type ParsedQuery } from '../../engine/search/query-input';
import { STRATEGIES, type Strategy } from '../../engine/search/recommend';
import {
  body,
  collectionParam,
  MAX_LIMIT,
  optionalBoolean,
  optionalNumber,
  optionalUint,
} from '../request-parsing';
import { qdrantRoute } from './route';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function searchParams(value: unknown): Pick<QueryNode, 'exact' | 'hnswEf' | 'quantization'> {
  if (value === undefined || value === null) return {};
  if (!isObject(value)) throw EngineError.badInput('params must be an object');
  const quantization = value['quantization'];
  if (quantization !== undefined && quantization !== null && !isObject(quantization)) {
    throw EngineError.badInput('params.quantization must be an object');
  }
  return {
    exact: optionalBoolean(value['exact'], 'params.exact'),
    hnswEf:
      value['hnsw_ef'] === undefined || value['hnsw_ef'] === null
        ? undefined
        : optionalUint(value['hnsw_ef'], 'params.hnsw_ef', 0, MAX_LIMIT),
    quantization: isObject(quantization)
      ? {
          ignore: optionalBoolean(quantization['ignore'], 'params.quantization.ignore'),
          rescore: optionalBoolean(quantization['rescore'], 'params.quantization.rescore'),
          oversampling: optionalNumber(
            quantization['oversampling'],
            'params.quantization.oversampling',
          ),
        }
      : undefined,
  };
}

function limits(
  request: Record<string, unknown>,
  defaultLimit: number | undefined,
): { limit: number; offset: number } {
  if (defaultLimit === undefined && (request['limit'] === undefined || request['limit'] === null)) {
    throw EngineError.badInput('limit is required');
  }
  return {
    limit: optionalUint(request['limit'], 'limit', defaultLimit ?? 10, MAX_LIMIT),
    offset: optionalUint(request['offset'], 'offset', 0, MAX_LIMIT),
  };
}

function common(
  request: Record<string, unknown>,
  using: string,
  query: ParsedQuery | undefined,
  defaultLimit?: number,
): QueryNode {
  if (request['lookup_from'] !== undefined && request['lookup_from'] !== null) {
    throw EngineError.badInput('lookup_from is not supported by this engine');
  }
  return {
    prefetch: [],
    query,
    using,
    filter: request['filter'],
    scoreThreshold: optionalNumber(request['score_threshold'], 'score_threshold'),
    ...searchParams(request['params']),
    ...limits(request, defaultLimit),
  };
}

/** ScoredPoint as Qdrant returns it. */
function formatHits(
  state: CollectionState,
  hits: QueryHit[],
  request: Record<string, unknown>,
): Record<string, unknown>[] {
  const selectPayload = payloadSelector(request['with_payload'], false);
  const selectVector = vectorSelector(
    request['with_vector'] ?? request['with_vectors'],
    state.config,
    (record, name) => state.vectorOf(record, name),
  );
  return hits.map((hit) => {
    const record = state.points.get(hit.label)!;
    const point: Record<string, unknown> = {
      id: record.id,
      version: record.version,
      score: float32ToJson(hit.score),
      payload: selectPayload(record.payload) ?? null,
      vector: selectVector ? selectVector(record) : null,
    };
    if (hit.orderValue !== undefined) point['order_value'] = hit.orderValue;
    return point;
  });
}

function legacySearch(state: CollectionState, request: Record<string, unknown>): QueryNode {
  const vector = request['vector'];
  if (isObject(vector) && typeof vector['name'] === 'string') {
    const using = vector['name'];
    return common(
      request,
      using,
      parseVectorInput(state, using, vector['vector'], 'vector.vector'),
    );
  }
  if (!Array.isArray(vector))
    throw EngineError.badInput('vector must be a list of numbers or {name, vector}');
  return common(request, '', parseVectorInput(state, '', vector, 'vector'));
}

function legacyRecommend(request: Record<string, unknown>): QueryNode {
  const strategy = (request['strategy'] ?? 'average_vector') as Strategy;
  if (!STRATEGIES.includes(strategy))
    throw EngineError.badInput(`strategy must be one of ${STRATEGIES.join(', ')}`);
  const using = typeof request['using'] === 'string' ? request['using'] : '';
  return common(request, using, {
    kind: 'recommend',
    positive: request['positive'] ?? [],
    negative: request['negative'] ?? [],
    strategy,
  });
}

/** Nesting bound for prefetches, so a request cannot recurse without end. */
const MAX_PREFETCH_DEPTH = 8;

function queryNode(state: CollectionState, request: Record<string, unknown>, depth = 0): QueryNode {
  if (depth > MAX_PREFETCH_DEPTH)
    throw EngineError.badInput(`prefetch nesting is limited to ${MAX_PREFETCH_DEPTH} levels`);
  const using = typeof request['using'] === 'string' ? request['using'] : '';
  const node = common(request, using, parseQuery(state, using, request['query']), 10);
  const prefetch = request['prefetch'];
  const children =
    prefetch === undefined || prefetch === null
      ? []
      : Array.isArray(prefetch)
        ? prefetch
        : [prefetch];
  node.prefetch = children.map((child: unknown, i) => {
    if (!isObject(child)) throw EngineError.badInput(`prefetch[${i}] must be an object`);
    return queryNode(state, child, depth + 1);
  });
  return node;
}

function batch(request: Record<string, unknown>): Record<string, unknown>[] {
  const searches = request['searches'];
  if (!Array.isArray(searches) || !searches.every(isObject))
    throw EngineError.badInput('searches must be a list of requests');
  return searches as Record<string, unknown>[];
}

/** Legacy search and recommend, and the universal query API, single and batched. */
export function searchRoutes(app: FastifyInstance, engine: Engine): void {
  const route = (
    url: string,
    run: (state: CollectionState, request: Record<string, unknown>) => unknown,
  ): void =>
    qdrantRoute(app, 'POST', `/collections/:collection_name/points/${url}`, (request) =>
      run(engine.get(collectionParam(request)).state, body(request)),
    );
  const search = (state: CollectionState, request: Record<string, unknown>) =>
    formatHits(state, executeQuery(state, legacySearch(state, request)), request);
  const recommend = (state: CollectionState, request: Record<string, unknown>) =>
    formatHits(state, executeQuery(state, legacyRecommend(request)), request);
  const query = (state: CollectionState, request: Record<string, unknown>) => ({
    points: formatHits(state, executeQuery(state, queryNode(state, request)), request),
  });

  route('search', search);
  route('search/batch', (state, request) => batch(request).map((r) => search(state, r)));
  route('recommend', recommend);
  route('recommend/batch', (state, request) => batch(request).map((r) => recommend(state, r)));
  route('query', query);
  route('query/batch', (state, request) => batch(request).map((r) => query(state, r)));
}
