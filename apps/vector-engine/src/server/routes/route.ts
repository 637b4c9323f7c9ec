import type { FastifyInstance, FastifyRequest, HTTPMethods } from 'fastify';
import { envelope } from '../qdrant-reply';

/** Registers a Qdrant route whose handler returns the `result`; errors go to the error handler. */
export function qdrantRoute(
  app: FastifyInstance,
  method: HTTPMethods,
  url: string,
  handler: (request: FastifyRequest) => unknown,
): void {
  app.route({
    method,
    url,
    handler: async (request) => envelope(request, await handler(request)),
  });
}
