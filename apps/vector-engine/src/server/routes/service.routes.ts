import { access, constants } from 'node:fs/promises';
import type { FastifyInstance } from 'fastify';
import { register } from 'prom-client';
import type { Engine } from '../../engine/engine';
import { envelope } from '../qdrant-reply';

/** The version of Qdrant's REST API this engine answers to (clients check it). */
export const QDRANT_API_VERSION = '1.18.3';

export interface ServiceInfo {
  version: string;
  startedAt: number;
}

/** Qdrant's service endpoints plus the platform's own health and metrics endpoints. */
export function serviceRoutes(app: FastifyInstance, engine: Engine, info: ServiceInfo): void {
  app.get('/', async () => ({
    title: 'vector-engine',
    version: QDRANT_API_VERSION,
    engine_version: info.version,
  }));

  for (const probe of ['/healthz', '/livez', '/readyz']) {
    app.get(probe, async (_request, reply) => {
      reply.type('text/plain; charset=utf-8');
      return probe === '/readyz' ? 'all shards are ready' : 'healthz check passed';
    });
  }

  app.get('/telemetry', async (request) =>
    envelope(request, {
      id: 'vector-engine',
      app: { name: 'vector-engine', version: QDRANT_API_VERSION, engine_version: info.version },
      collections: { number_of_collections: engine.names().length },
    }),
  );
  app.get('/issues', async (request) => envelope(request, { issues: [] }));
  app.get('/cluster', async (request) => envelope(request, { status: 'disabled' }));

  app.get('/metrics', async (_request, reply) => {
    reply.type(register.contentType);
    return register.metrics();
  });

  app.get('/health/live', async () => ({ status: 'ok' }));

  app.get('/health/ready', async (_request, reply) => {
    let dataDir: { status: 'up' | 'down'; path: string; message?: string } = {
      status: 'up',
      path: engine.dataDir,
    };
    try {
      await access(engine.dataDir, constants.W_OK);
    } catch (error) {
      dataDir = { status: 'down', path: engine.dataDir, message: String(error) };
    }
    const health = {
      service: 'vector-engine',
      version: info.version,
      ready: dataDir.status === 'up',
      uptimeSeconds: Math.round((Date.now() - info.startedAt) / 1000),
      checks: { data_dir: dataDir, collections: { status: 'up', count: engine.names().length } },
    };
    if (!health.ready) reply.status(503);
    return health;
  });
}
