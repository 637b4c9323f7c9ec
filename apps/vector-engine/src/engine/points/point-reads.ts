import type { CollectionState } from '../collection/collection-state';
import { EngineError } from '../engine-error';
import { compareIds, parsePointId } from '../point-id';
import type { PointRecord } from './point-record';
import { payloadSelector, toRecord, vectorSelector } from './point-output';

export function retrieve(
  state: CollectionState,
  body: Record<string, unknown>,
): Record<string, unknown>[] {
  const ids = body['ids'];
  if (!Array.isArray(ids)) throw EngineError.badInput('ids must be a list of point ids');
  const selectPayload = payloadSelector(body['with_payload'], true);
  const selectVector = vectorSelector(body['with_vector'], state.config, (r, n) =>
    state.vectorOf(r, n),
  );
  return ids
    .map((id, i) => state.get(parsePointId(id, `ids[${i}]`)))
    .filter((record): record is PointRecord => record !== undefined)
    .map((record) => toRecord(record, selectPayload, selectVector));
}

export interface ScrollOptions {
  filter?: unknown;
  limit: number;
  offset?: unknown;
  withPayload?: unknown;
  withVector?: unknown;
  orderBy?: unknown;
}

/** A page of points by id, or ordered by an indexed payload field (`order_by`). */
export function scroll(state: CollectionState, options: ScrollOptions): Record<string, unknown> {
  const selectPayload = payloadSelector(options.withPayload, true);
  const selectVector = vectorSelector(options.withVector, state.config, (r, n) =>
    state.vectorOf(r, n),
  );
  if (options.orderBy !== undefined && options.orderBy !== null) {
    const order = parseOrderBy(options.orderBy);
    const matching = new Set(state.matchingLabels(options.filter));
    const points: Record<string, unknown>[] = [];
    try {
      for (const { label, value } of state.payloadIndexes.orderBy(
        order.key,
        order.direction,
        order.startFrom,
      )) {
        if (points.length >= options.limit) break;
        const record = state.points.get(label);
        if (!record || !matching.has(label)) continue;
        points.push({ ...toRecord(record, selectPayload, selectVector), order_value: value });
      }
    } catch (error) {
      throw EngineError.badInput(error instanceof Error ? error.message : String(error));
    }
    return { points, next_page_offset: null };
  }
  const predicate = state.predicate(options.filter);
  const order = state.idOrder();
  const from =
    options.offset === undefined || options.offset === null
      ? undefined
      : parsePointId(options.offset, 'offset');
  let start = 0;
  if (from !== undefined) {
    let high = order.length;
    while (start < high) {
      const middle = (start + high) >>> 1;
      if (compareIds(state.points.get(order[middle])!.id, from) < 0) start = middle + 1;
      else high = middle;
    }
  }
  const page: PointRecord[] = [];
  let next: PointRecord | undefined;
  for (let i = start; i < order.length; i++) {
    const record = state.points.get(order[i])!;
    if (!state.matches(record, predicate)) continue;
    if (page.length === options.limit) {
      next = record;
      break;
    }
    page.push(record);
  }
  return {
    points: page.map((record) => toRecord(record, selectPayload, selectVector)),
    next_page_offset: next ? next.id : null,
  };
}

export interface OrderBy {
  key: string;
  direction: 'asc' | 'desc';
  startFrom?: number | string;
}

export function parseOrderBy(value: unknown): OrderBy {
  if (typeof value === 'string') return { key: value, direction: 'asc' };
  if (typeof value === 'object' && value !== null) {
    const { key, direction, start_from } = value as Record<string, unknown>;
    if (typeof key === 'string') {
      if (
        direction !== undefined &&
        direction !== null &&
        direction !== 'asc' &&
        direction !== 'desc'
      ) {
        throw EngineError.badInput('order_by.direction must be asc or desc');
      }
      const startFrom =
        typeof start_from === 'number' || typeof start_from === 'string' ? start_from : undefined;
      return { key, direction: (direction as 'asc' | 'desc' | undefined) ?? 'asc', startFrom };
    }
  }
  throw EngineError.badInput('order_by must be a field name or {key, direction?, start_from?}');
}
