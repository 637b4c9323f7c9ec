import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { EngineError } from '../engine/engine-error';
import { sendError } from './qdrant-reply';

/** Qdrant's `service.api_key` and `service.read_only_api_key`. */
export interface ApiKeys {
  readWrite?: string;
  readOnly?: string;
}

/** Answered without a key, as Qdrant leaves its probes open; ours serve the platform's probes. */
const OPEN_ROUTES = new Set([
  '/',
  '/healthz',
  '/livez',
  '/readyz',
  '/health/live',
  '/health/ready',
]);

/**
 * POST paths of Qdrant's API that only read, so a read-only key may call them (its auth
 * middleware's list, with the query, facet and matrix routes added since). Every other POST,
 * PUT, PATCH and DELETE writes: a path missing here is refused, never let through.
 */
const READING_POST = new RegExp(
  '^/collections/[^/]+/(facet|points(/(scroll|count|search(/(batch|groups|matrix/(pairs|offsets)))?' +
    '|recommend(/(batch|groups))?|discover(/batch)?|query(/(batch|groups))?))?)$',
);

// Keys are compared as digests: equal lengths for timingSafeEqual, whatever the caller sent.
const digest = (key: string): Buffer => createHash('sha256').update(key).digest();
const sameKey = (given: Buffer, expected: Buffer | undefined): boolean =>
  expected !== undefined && timingSafeEqual(given, expected);

/** Qdrant reads `api-key` first, then `Authorization: Bearer <key>`. */
function presentedKey(request: FastifyRequest): string | undefined {
  const header = request.headers['api-key'];
  if (typeof header === 'string') return header;
  return /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
}

// By path, not by route: like Qdrant, a path the engine does not serve is classified too.
function onlyReads(request: FastifyRequest): boolean {
  if (request.method === 'GET' || request.method === 'HEAD') return true;
  return request.method === 'POST' && READING_POST.test(request.url.split('?')[0]);
}

/**
 * Qdrant's API-key check: no key or an unknown one is 401, a read-only key on a write is
 * 403. Without any key configured the engine stays open (it then listens on loopback only).
 */
export function requireApiKeys(app: FastifyInstance, keys: ApiKeys): void {
  const readWrite = keys.readWrite ? digest(keys.readWrite) : undefined;
  const readOnly = keys.readOnly ? digest(keys.readOnly) : undefined;
  if (readWrite === undefined && readOnly === undefined) return;

  app.addHook('onRequest', async (request, reply) => {
    if (OPEN_ROUTES.has(request.routeOptions.url ?? '')) return;
    const key = presentedKey(request);
    if (key === undefined)
      return sendError(
        request,
        reply,
        new EngineError(401, 'Must provide an API key or an Authorization bearer token'),
      );
    const given = digest(key);
    if (sameKey(given, readWrite)) return;
    if (sameKey(given, readOnly))
      return onlyReads(request)
        ? undefined
        : sendError(request, reply, new EngineError(403, 'Write access denied'));
    return sendError(request, reply, new EngineError(401, 'Invalid API key'));
  });
}
