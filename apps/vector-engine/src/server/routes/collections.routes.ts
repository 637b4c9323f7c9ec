import type { FastifyInstance } from 'fastify';
import type { Engine } from '../../engine/engine';
import { EngineError } from '../../engine/engine-error';
import {
  PAYLOAD_SCHEMA_TYPES,
  type PayloadSchemaType,
} from '../../engine/payload-index/payload-index.types';
import { updateResult } from '../qdrant-reply';
import { body, collectionParam } from '../request-parsing';
import { qdrantRoute } from './route';

function parseFieldSchema(value: unknown): {
  type: PayloadSchemaType;
  params?: Record<string, unknown>;
} {
  if (typeof value === 'string' && PAYLOAD_SCHEMA_TYPES.includes(value as PayloadSchemaType)) {
    return { type: value as PayloadSchemaType };
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const { type, ...params } = value as Record<string, unknown>;
    if (PAYLOAD_SCHEMA_TYPES.includes(type as PayloadSchemaType))
      return { type: type as PayloadSchemaType, params };
  }
  throw EngineError.badInput(
    `field_schema must be one of ${PAYLOAD_SCHEMA_TYPES.join(', ')} or {type, ...params}`,
  );
}

/** Collections, aliases and payload indexes. */
export function collectionsRoutes(app: FastifyInstance, engine: Engine): void {
  qdrantRoute(app, 'GET', '/collections', () => ({
    collections: engine.names().map((name) => ({ name })),
  }));

  qdrantRoute(app, 'GET', '/collections/:collection_name', (request) =>
    engine.get(collectionParam(request)).info(),
  );

  qdrantRoute(app, 'PUT', '/collections/:collection_name', (request) => {
    engine.create(collectionParam(request), request.body);
    return true;
  });

  qdrantRoute(app, 'PATCH', '/collections/:collection_name', (request) => {
    engine.get(collectionParam(request)).updateConfig(request.body);
    return true;
  });

  qdrantRoute(app, 'DELETE', '/collections/:collection_name', (request) =>
    engine.delete(collectionParam(request)),
  );

  qdrantRoute(app, 'GET', '/collections/:collection_name/exists', (request) => ({
    exists: engine.exists(collectionParam(request)),
  }));

  qdrantRoute(app, 'POST', '/collections/aliases', (request) => {
    engine.updateAliases(body(request)['actions']);
    return true;
  });

  qdrantRoute(app, 'GET', '/collections/:collection_name/aliases', (request) => {
    const name = collectionParam(request);
    engine.get(name);
    return { aliases: engine.aliasesOf(name) };
  });

  qdrantRoute(app, 'GET', '/aliases', () => ({ aliases: engine.aliasesOf() }));

  qdrantRoute(app, 'PUT', '/collections/:collection_name/index', (request) => {
    const collection = engine.get(collectionParam(request));
    const request_ = body(request);
    const field = request_['field_name'];
    if (typeof field !== 'string' || field.length === 0)
      throw EngineError.badInput('field_name must be a non-empty string');
    const schema = parseFieldSchema(request_['field_schema']);
    return updateResult(request, collection.createPayloadIndex(field, schema.type, schema.params));
  });

  qdrantRoute(app, 'DELETE', '/collections/:collection_name/index/:field_name', (request) => {
    const collection = engine.get(collectionParam(request));
    const field = (request.params as { field_name: string }).field_name;
    return updateResult(request, collection.deletePayloadIndex(field));
  });
}
