import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Collection } from '../../engine/collection/collection';
import {
  batchUpdate,
  clearPayload,
  deletePayload,
  deletePoints,
  deleteVectors,
  overwritePayload,
  setPayload,
  updateVectors,
  upsertPoints,
} from '../../engine/collection/point-operations';
import type { Engine } from '../../engine/engine';
import { EngineError } from '../../engine/engine-error';
import { parsePointId } from '../../engine/point-id';
import { payloadSelector, toRecord, vectorSelector } from '../../engine/points/point-output';
import { retrieve, scroll } from '../../engine/points/point-reads';
import { updateResult } from '../qdrant-reply';
import {
  body,
  collectionParam,
  MAX_LIMIT,
  optionalBoolean,
  optionalUint,
} from '../request-parsing';
import { qdrantRoute } from './route';

type Write = (collection: Collection, body: Record<string, unknown>) => number;

/** Point reads and writes. */
export function pointsRoutes(app: FastifyInstance, engine: Engine): void {
  const write = (method: 'PUT' | 'POST', url: string, operation: Write): void =>
    qdrantRoute(
      app,
      method,
      `/collections/:collection_name/points${url}`,
      (request: FastifyRequest) => {
        const collection = engine.get(collectionParam(request));
        const result = updateResult(request, operation(collection, body(request)));
        engine.scheduleIndexing(0);
        return result;
      },
    );

  write('PUT', '', upsertPoints);
  write('POST', '/delete', deletePoints);
  write('PUT', '/vectors', updateVectors);
  write('POST', '/vectors/delete', deleteVectors);
  write('POST', '/payload', setPayload);
  write('PUT', '/payload', overwritePayload);
  write('POST', '/payload/delete', deletePayload);
  write('POST', '/payload/clear', clearPayload);

  qdrantRoute(app, 'POST', '/collections/:collection_name/points/batch', (request) => {
    const collection = engine.get(collectionParam(request));
    return batchUpdate(collection, body(request)).map((operation) =>
      updateResult(request, operation),
    );
  });

  qdrantRoute(app, 'GET', '/collections/:collection_name/points/:id', (request) => {
    const collection = engine.get(collectionParam(request));
    const raw = (request.params as { id: string }).id;
    const id = parsePointId(/^\d+$/.test(raw) ? Number(raw) : raw, 'id');
    const record = collection.state.get(id);
    if (!record) throw EngineError.notFound(`Point with id ${raw} does not exists!`);
    return toRecord(
      record,
      payloadSelector(true, true),
      vectorSelector(true, collection.config, (r, n) => collection.state.vectorOf(r, n)),
    );
  });

  qdrantRoute(app, 'POST', '/collections/:collection_name/points', (request) =>
    retrieve(engine.get(collectionParam(request)).state, body(request)),
  );

  qdrantRoute(app, 'POST', '/collections/:collection_name/points/scroll', (request) => {
    const request_ = body(request);
    return scroll(engine.get(collectionParam(request)).state, {
      filter: request_['filter'],
      limit: optionalUint(request_['limit'], 'limit', 10, MAX_LIMIT),
      offset: request_['offset'],
      withPayload: request_['with_payload'],
      withVector: request_['with_vector'],
      orderBy: request_['order_by'],
    });
  });

  qdrantRoute(app, 'POST', '/collections/:collection_name/points/count', (request) => {
    const request_ = body(request);
    optionalBoolean(request_['exact'], 'exact');
    return {
      count: engine.get(collectionParam(request)).state.matchingLabels(request_['filter']).length,
    };
  });
}
