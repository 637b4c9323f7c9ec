import { Catch, Inject, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ErrorCode } from '@aip/contracts';
import { LOGGER, toPlatformError, type Logger } from '@aip/platform';
import { openAiErrorDialect } from './openai-errors';

/**
 * Errors of a `/v1/*` route in OpenAI's shape. The gateway's global filter already writes every
 * `/v1` error so (openAiErrorDialect); this filter only keeps routes that name it working.
 */
@Catch()
export class OpenAiExceptionFilter implements ExceptionFilter {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const error = toPlatformError(exception);
    if (error.code === ErrorCode.Internal) this.logger.error({ err: exception }, 'unhandled error');
    const http = host.switchToHttp();
    const reply = openAiErrorDialect.replyOf(error, http.getRequest<Request>());
    const response = http.getResponse<Response>();
    if (reply.retryAfterSeconds !== undefined)
      response.setHeader('Retry-After', String(reply.retryAfterSeconds));
    response.status(reply.status).json(reply.body);
  }
}
