import type { FastifyReply, FastifyRequest } from 'fastify';
import { EngineError } from '../engine/engine-error';

/** Seconds since the request arrived, as Qdrant reports in `time`. */
export function elapsed(request: FastifyRequest): number {
  return (
    Number(process.hrtime.bigint() - (request as unknown as { startedAt: bigint }).startedAt) / 1e9
  );
}

/** Qdrant's success envelope. */
export function envelope(request: FastifyRequest, result: unknown): Record<string, unknown> {
  return { result, status: 'ok', time: elapsed(request) };
}

/** `?wait=true` means the write is durable and visible when we answer. */
export function updateResult(
  request: FastifyRequest,
  operationId: number,
): { operation_id: number; status: string } {
  const wait = (request.query as Record<string, unknown>)['wait'];
  return {
    operation_id: operationId,
    status: wait === 'true' || wait === true ? 'completed' : 'acknowledged',
  };
}

interface FastifyLikeError {
  statusCode?: number;
  code?: string;
  message: string;
  validation?: unknown;
}

/** Qdrant's error body: `{"status":{"error":"..."},"time":...}` with Qdrant's status codes. */
export function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  error: unknown,
): FastifyReply {
  let status = 500;
  let message = 'Service internal error: unexpected failure';
  if (error instanceof EngineError) {
    status = error.status;
    message = error.message;
  } else if (
    error instanceof Error &&
    (error.name === 'FilterError' || error.name === 'PayloadIndexError')
  ) {
    status = 400;
    message = `Wrong input: ${error.message}`;
  } else if (typeof error === 'object' && error !== null && 'statusCode' in error) {
    const fastifyError = error as FastifyLikeError;
    status = fastifyError.statusCode ?? 400;
    message =
      fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
      fastifyError.code === 'FST_ERR_CTP_EMPTY_JSON_BODY'
        ? `Format error in JSON body: ${fastifyError.message}`
        : fastifyError.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
          ? `Payload error: ${fastifyError.message}`
          : fastifyError.message;
    if (status >= 500) message = 'Service internal error: unexpected failure';
  } else if (error instanceof SyntaxError) {
    status = 400;
    message = `Format error in JSON body: ${error.message}`;
  }
  return reply.status(status).send({ status: { error: message }, time: elapsed(request) });
}
