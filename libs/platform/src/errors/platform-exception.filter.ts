import { Catch, Inject, Optional, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import { throwError, type Observable } from 'rxjs';
import { ErrorCode, type ErrorPayload } from '@aip/contracts';
import { LOGGER } from '../logging/logger.token';
import type { Logger } from '../logging/logger';
import { ERROR_DIALECTS, type ErrorDialect } from './error-dialect';
import { sendErrorResponse } from './error-response';
import { toPlatformError } from './to-platform-error';

/**
 * The one place errors leave a process. HTTP callers get `{error, requestId}`, or the error shape
 * of the API their path belongs to (the app's dialects); NATS callers get the error payload,
 * which the client turns back into a PlatformError. No stack leaves.
 */
@Catch()
export class PlatformExceptionFilter implements ExceptionFilter {
  constructor(
    @Inject(LOGGER) private readonly logger: Logger,
    @Optional() @Inject(ERROR_DIALECTS) private readonly dialects: readonly ErrorDialect[] = [],
  ) {}

  catch(exception: unknown, host: ArgumentsHost): Observable<never> | void {
    const error = toPlatformError(exception);
    if (error.code === ErrorCode.Internal) {
      this.logger.error({ err: exception }, 'unhandled error');
    }
    if (host.getType() === 'rpc') {
      const payload: ErrorPayload = error.toPayload();
      return throwError(() => payload);
    }
    const http = host.switchToHttp();
    sendErrorResponse(
      http.getRequest<Request>(),
      http.getResponse<Response>(),
      error,
      this.dialects ?? [],
    );
  }
}
