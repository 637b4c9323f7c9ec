import Fastify, { type FastifyInstance } from 'fastify';
import { collectDefaultMetrics, register } from 'prom-client';
import { outcomeForStatus, RequestMetrics, type Logger } from '@aip/platform';
import type { Engine } from '../engine/engine';
import { requireApiKeys, type ApiKeys } from './api-key-auth';
import { sendError } from './qdrant-reply';
import { collectionsRoutes } from './routes/collections.routes';
import { pointsRoutes } from './routes/points.routes';
import { searchRoutes } from './routes/search.routes';
import { serviceRoutes, type ServiceInfo } from './routes/service.routes';
import { snapshotsRoutes } from './routes/snapshots.routes';

/** Qdrant's default limit on a request body. */
export const MAX_BODY_BYTES = 32 * 1024 * 1024;

/**
 * The engine's HTTP API on Fastify (chosen over Nest/Express for its per-request overhead:
 * search must stay close to the index's in-process speed).
 */
export function buildServer(
  engine: Engine,
  logger: Logger,
  info: ServiceInfo,
  keys: ApiKeys,
): FastifyInstance {
  // Fastify's own request logging stays off: the onResponse hook below logs each request once.
  const app = Fastify({ logger: false, bodyLimit: MAX_BODY_BYTES });
  if (!register.getSingleMetric('process_cpu_user_seconds_total')) collectDefaultMetrics();
  const metrics = new RequestMetrics();

  app.addHook('onRequest', async (request) => {
    (request as unknown as { startedAt: bigint }).startedAt = process.hrtime.bigint();
  });
  app.addHook('onResponse', async (request, reply) => {
    const started = (request as unknown as { startedAt: bigint }).startedAt;
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.observe('http', route, outcomeForStatus(reply.statusCode), seconds);
    if (reply.statusCode >= 500)
      logger.error({ method: request.method, route, status: reply.statusCode }, 'http');
    else
      logger.debug(
        { method: request.method, route, status: reply.statusCode, ms: seconds * 1000 },
        'http',
      );
  });
  // After the hook above: a refusal's envelope reports its time like any other answer.
  requireApiKeys(app, keys);

  app.setErrorHandler((error, request, reply) => {
    const sent = sendError(request, reply, error);
    // Client errors are the caller's; only an unexpected failure is worth its stack in the log.
    if (reply.statusCode >= 500) logger.error({ err: error }, 'request failed');
    return sent;
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .status(404)
      .send({ status: { error: `Not found: ${request.method} ${request.url}` }, time: 0 }),
  );

  serviceRoutes(app, engine, info);
  collectionsRoutes(app, engine);
  pointsRoutes(app, engine);
  searchRoutes(app, engine);
  snapshotsRoutes(app, engine);
  return app;
}
