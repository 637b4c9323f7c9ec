import type { CollectionState } from '../collection/collection-state';
import { EngineError } from '../engine-error';
import { compareIds } from '../point-id';
import { dbsf, rrf } from './fusion';
import type { ParsedQuery } from './query-input';
import { averageVector, resolveExamples, scoreByExamples } from './recommend';
import type { Scored } from './top-k';
import { distanceOf, searchVectors } from './vector-search';

/** One level of a universal query: its prefetches run first, then its own query over them. */
export interface QueryNode {
  prefetch: QueryNode[];
  query: ParsedQuery | undefined;
  using: string;
  filter?: unknown;
  exact?: boolean;
  hnswEf?: number;
  quantization?: { ignore?: boolean; rescore?: boolean; oversampling?: number };
  scoreThreshold?: number;
  limit: number;
  offset: number;
}

export interface QueryHit extends Scored {
  orderValue?: number;
}

function and(a: unknown, b: unknown): unknown {
  if (a === undefined || a === null) return b;
  if (b === undefined || b === null) return a;
  return { must: [a, b] };
}

/** Runs a query tree; a parent's filter applies to its prefetches too. */
export function executeQuery(
  state: CollectionState,
  node: QueryNode,
  parentFilter?: unknown,
): QueryHit[] {
  const filter = and(parentFilter, node.filter);
  if (node.prefetch.length === 0) return runLeaf(state, node, filter);
  const lists = node.prefetch.map((child) => executeQuery(state, child, filter));
  const query = node.query;
  if (query === undefined) return lists[0].slice(node.offset, node.offset + node.limit);
  if (query.kind === 'fusion') {
    const fused = query.method === 'rrf' ? rrf(lists, query.k, query.weights) : dbsf(lists);
    if (query.weights && query.weights.length !== lists.length) {
      throw EngineError.badInput(
        `Number of weights in RRF should match number of pre-fetches: got ${query.weights.length}, expected ${lists.length}`,
      );
    }
    const kept =
      node.scoreThreshold === undefined
        ? fused
        : fused.filter((hit) => hit.score >= node.scoreThreshold!);
    return kept.slice(node.offset, node.offset + node.limit);
  }
  const within = new Set<number>();
  for (const list of lists) for (const hit of list) within.add(hit.label);
  return runLeaf(state, node, filter, within);
}

function runLeaf(
  state: CollectionState,
  node: QueryNode,
  filter: unknown,
  within?: Set<number>,
): QueryHit[] {
  const query = node.query;
  const base = {
    using: node.using,
    filter,
    limit: node.limit,
    offset: node.offset,
    scoreThreshold: node.scoreThreshold,
    exact: node.exact || within !== undefined,
    hnswEf: node.hnswEf,
    quantization: node.quantization,
    within,
  };
  if (query === undefined) return byId(state, filter, node, within);
  switch (query.kind) {
    case 'nearest':
      return searchVectors(state, {
        ...base,
        vector: query.vector,
        exclude: query.exclude === undefined ? undefined : new Set([query.exclude]),
      }).hits;
    case 'recommend': {
      const examples = resolveExamples(state, node.using, query.positive, query.negative);
      if (query.strategy === 'average_vector') {
        return searchVectors(state, {
          ...base,
          vector: averageVector(examples),
          exclude: examples.exclude,
        }).hits;
      }
      const distance = distanceOf(state, node.using);
      if (!distance)
        throw EngineError.badInput(`Not existing vector name error: ${node.using || '(unnamed)'}`);
      const predicate = state.predicate(filter);
      const accept = (label: number): boolean =>
        (!within || within.has(label)) && state.matches(state.points.get(label)!, predicate);
      const hits = scoreByExamples(
        state,
        node.using,
        distance,
        examples,
        query.strategy,
        node.limit + node.offset,
        accept,
      );
      return hits.slice(node.offset);
    }
    case 'order_by':
      return orderBy(state, node, filter, within, query.orderBy);
    case 'sample':
      return sample(state, filter, node, within);
    case 'fusion':
      throw EngineError.badInput('fusion queries need prefetches to fuse');
  }
}

function accepted(state: CollectionState, filter: unknown, within?: Set<number>): number[] {
  const labels = state.matchingLabels(filter);
  return within ? labels.filter((label) => within.has(label)) : labels;
}

function byId(
  state: CollectionState,
  filter: unknown,
  node: QueryNode,
  within?: Set<number>,
): QueryHit[] {
  return accepted(state, filter, within)
    .sort((a, b) => compareIds(state.points.get(a)!.id, state.points.get(b)!.id))
    .slice(node.offset, node.offset + node.limit)
    .map((label) => ({ label, score: 0 }));
}

function sample(
  state: CollectionState,
  filter: unknown,
  node: QueryNode,
  within?: Set<number>,
): QueryHit[] {
  const labels = accepted(state, filter, within);
  for (let i = labels.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [labels[i], labels[j]] = [labels[j], labels[i]];
  }
  return labels.slice(0, node.limit).map((label) => ({ label, score: 0 }));
}

function orderBy(
  state: CollectionState,
  node: QueryNode,
  filter: unknown,
  within: Set<number> | undefined,
  order: { key: string; direction: 'asc' | 'desc'; startFrom?: number | string },
): QueryHit[] {
  const allowed = new Set(accepted(state, filter, within));
  const hits: QueryHit[] = [];
  try {
    for (const { label, value } of state.payloadIndexes.orderBy(
      order.key,
      order.direction,
      order.startFrom,
    )) {
      if (!allowed.has(label)) continue;
      hits.push({ label, score: 0, orderValue: value });
      if (hits.length >= node.offset + node.limit) break;
    }
  } catch (error) {
    throw EngineError.badInput(error instanceof Error ? error.message : String(error));
  }
  return hits.slice(node.offset);
}
