import { EngineError } from '../engine-error';
import { parsePointId } from '../point-id';
import { parseBatchVectors, parseVectorStruct } from '../points/vector-input';
import type { Collection, NewPoint } from './collection';
import {
  asObject,
  asPayload,
  deletePayloadKeys,
  mergePayload,
  parseSelector,
  type PointsSelector,
} from './point-changes';

/** Largest number of points one write may carry. */
export const MAX_POINTS_PER_WRITE = 100_000;

const UPDATE_MODES = ['upsert', 'insert_only', 'update_only'] as const;
type UpdateMode = (typeof UPDATE_MODES)[number];

function labelsOf(collection: Collection, selector: PointsSelector): number[] {
  if ('ids' in selector) {
    return selector.ids
      .map((id) => collection.state.get(id)?.label)
      .filter((label): label is number => label !== undefined);
  }
  return collection.state.matchingLabels(selector.filter);
}

function parsePoints(collection: Collection, body: Record<string, unknown>): NewPoint[] {
  const config = collection.config;
  if (Array.isArray(body['points'])) {
    const points = body['points'] as unknown[];
    if (points.length > MAX_POINTS_PER_WRITE) {
      throw EngineError.badInput(
        `points: at most ${MAX_POINTS_PER_WRITE} points per request, got ${points.length}`,
      );
    }
    return points.map((value, i) => {
      const point = asObject(value, `points[${i}]`);
      return {
        id: parsePointId(point['id'], `points[${i}].id`),
        vectors: parseVectorStruct(config, point['vector'] ?? {}, `points[${i}].vector`),
        payload: asPayload(point['payload'], `points[${i}].payload`),
      };
    });
  }
  if (body['batch'] !== undefined) {
    const batch = asObject(body['batch'], 'batch');
    if (!Array.isArray(batch['ids']))
      throw EngineError.badInput('batch.ids must be a list of point ids');
    const ids = (batch['ids'] as unknown[]).map((id, i) => parsePointId(id, `batch.ids[${i}]`));
    if (ids.length > MAX_POINTS_PER_WRITE) {
      throw EngineError.badInput(
        `batch: at most ${MAX_POINTS_PER_WRITE} points per request, got ${ids.length}`,
      );
    }
    const vectors = parseBatchVectors(config, batch['vectors'], ids.length);
    const payloads = batch['payloads'];
    if (
      payloads !== undefined &&
      payloads !== null &&
      (!Array.isArray(payloads) || payloads.length !== ids.length)
    ) {
      throw EngineError.badInput(`batch.payloads must have one payload per id (${ids.length})`);
    }
    return ids.map((id, i) => ({
      id,
      vectors: vectors[i],
      payload: asPayload(Array.isArray(payloads) ? payloads[i] : undefined, `batch.payloads[${i}]`),
    }));
  }
  throw EngineError.badInput('body must have points (a list) or batch');
}

export function upsertPoints(collection: Collection, body: Record<string, unknown>): number {
  const mode = body['update_mode'] ?? 'upsert';
  if (!UPDATE_MODES.includes(mode as UpdateMode)) {
    throw EngineError.badInput(`update_mode must be one of ${UPDATE_MODES.join(', ')}`);
  }
  return collection.upsert(
    parsePoints(collection, body),
    mode as UpdateMode,
    body['update_filter'],
  );
}

export function deletePoints(collection: Collection, body: Record<string, unknown>): number {
  return collection.delete(labelsOf(collection, parseSelector(body, 'delete')));
}

export function setPayload(collection: Collection, body: Record<string, unknown>): number {
  const payload = asPayload(body['payload'], 'payload');
  const key = typeof body['key'] === 'string' ? body['key'] : undefined;
  const labels = labelsOf(collection, parseSelector(body, 'set_payload'));
  return collection.updatePayloads(labels, (current) => mergePayload(current, payload, key));
}

export function overwritePayload(collection: Collection, body: Record<string, unknown>): number {
  const payload = asPayload(body['payload'], 'payload');
  const labels = labelsOf(collection, parseSelector(body, 'overwrite_payload'));
  return collection.updatePayloads(labels, () => structuredClone(payload));
}

export function deletePayload(collection: Collection, body: Record<string, unknown>): number {
  const keys = body['keys'];
  if (!Array.isArray(keys) || !keys.every((k) => typeof k === 'string')) {
    throw EngineError.badInput('keys must be a list of payload keys');
  }
  const labels = labelsOf(collection, parseSelector(body, 'delete_payload'));
  return collection.updatePayloads(labels, (current) =>
    deletePayloadKeys(current, keys as string[]),
  );
}

export function clearPayload(collection: Collection, body: Record<string, unknown>): number {
  return collection.updatePayloads(
    labelsOf(collection, parseSelector(body, 'clear_payload')),
    () => ({}),
  );
}

export function updateVectors(collection: Collection, body: Record<string, unknown>): number {
  if (!Array.isArray(body['points']))
    throw EngineError.badInput('points must be a list of {id, vector}');
  const predicate = collection.state.predicate(body['update_filter']);
  const changes = (body['points'] as unknown[]).flatMap((value, i) => {
    const point = asObject(value, `points[${i}]`);
    const id = parsePointId(point['id'], `points[${i}].id`);
    const record = collection.state.mustGet(id);
    if (!collection.state.matches(record, predicate)) return [];
    return [
      {
        label: record.label,
        set: parseVectorStruct(collection.config, point['vector'], `points[${i}].vector`),
      },
    ];
  });
  return collection.updateVectors(changes);
}

export function deleteVectors(collection: Collection, body: Record<string, unknown>): number {
  const names = body['vector'];
  if (!Array.isArray(names) || !names.every((n) => typeof n === 'string')) {
    throw EngineError.badInput('vector must be a list of vector names');
  }
  const labels = labelsOf(collection, parseSelector(body, 'delete_vectors'));
  return collection.updateVectors(labels.map((label) => ({ label, remove: names as string[] })));
}

const BATCH_OPERATIONS: Record<
  string,
  (collection: Collection, body: Record<string, unknown>) => number
> = {
  upsert: upsertPoints,
  delete: deletePoints,
  set_payload: setPayload,
  overwrite_payload: overwritePayload,
  delete_payload: deletePayload,
  clear_payload: clearPayload,
  update_vectors: updateVectors,
  delete_vectors: deleteVectors,
};

/** `points/batch`: operations applied in order; returns one result per operation. */
export function batchUpdate(collection: Collection, body: Record<string, unknown>): number[] {
  const operations = body['operations'];
  if (!Array.isArray(operations)) throw EngineError.badInput('operations must be a list');
  return operations.map((value, i) => {
    const operation = asObject(value, `operations[${i}]`);
    const [kind, ...extra] = Object.keys(operation);
    const apply = kind === undefined ? undefined : BATCH_OPERATIONS[kind];
    if (!apply || extra.length > 0) {
      throw EngineError.badInput(
        `operations[${i}] must be one of ${Object.keys(BATCH_OPERATIONS).join(', ')}`,
      );
    }
    return apply(collection, asObject(operation[kind], `operations[${i}].${kind}`));
  });
}
