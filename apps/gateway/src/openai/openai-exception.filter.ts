import { Catch, Inject, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ErrorCode } from '@aip/contracts';
import { LOGGER, toPlatformError, type Logger } from '@aip/platform';
import { openAiErrorOf } from './openai-errors';

/** The model an OpenAI request named in its body, or in the path of `GET /v1/models/{id}`. */
function requestedModelOf(request: Request): string | undefined {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const model = body['model'] ?? request.params?.['id'];
  return typeof model === 'string' ? model : undefined;
}

/**
 * Errors of the `/v1/*` routes in OpenAI's shape, `{"error": {message, type, param, code}}`,
 * which OpenAI's SDKs turn into their typed errors (the platform's own shape would reach them
 * without a type or param). The guards' refusals (401, 403, 429) come through here too, since
 * they run inside these routes. Body-parser failures (malformed JSON) and unknown paths happen
 * before any route, and keep the platform's shape, whose `message` the SDKs still show.
 */
@Catch()
export class OpenAiExceptionFilter implements ExceptionFilter {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const error = toPlatformError(exception);
    if (error.code === ErrorCode.Internal) this.logger.error({ err: exception }, 'unhandled error');
    const http = host.switchToHttp();
    const reply = openAiErrorOf(error, requestedModelOf(http.getRequest<Request>()));
    const response = http.getResponse<Response>();
    if (reply.retryAfterSeconds !== undefined)
      response.setHeader('Retry-After', String(reply.retryAfterSeconds));
    response.status(reply.status).json(reply.body);
  }
}
