import { Catch, Inject, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ErrorCode } from '@aip/contracts';
import { LOGGER, toPlatformError, type Logger } from '@aip/platform';
import { ollamaErrorOf } from './ollama-errors';

/** The model an Ollama request named: `model`, or `name` in older clients' requests. */
function requestedModelOf(request: Request): string | undefined {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const model = body['model'] ?? body['name'];
  return typeof model === 'string' ? model : undefined;
}

/**
 * Errors of the Ollama routes in Ollama's shape, `{"error": "message"}`, which its clients read
 * (the platform's `{error: {code, message}}` would reach them as "[object Object]"). Refusals
 * of the guards (401, 403, 429) come through here too, since they run inside these routes.
 */
@Catch()
export class OllamaExceptionFilter implements ExceptionFilter {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const error = toPlatformError(exception);
    if (error.code === ErrorCode.Internal) this.logger.error({ err: exception }, 'unhandled error');
    const http = host.switchToHttp();
    const reply = ollamaErrorOf(error, requestedModelOf(http.getRequest<Request>()));
    const response = http.getResponse<Response>();
    if (reply.retryAfterSeconds !== undefined)
      response.setHeader('Retry-After', String(reply.retryAfterSeconds));
    response.status(reply.status).json(reply.body);
  }
}
