import type { Request, Response } from 'express';
import type { ErrorBody, PlatformError } from '@aip/contracts';
import { currentRequestId, acceptOrCreateRequestId } from '../logging/request-context';
import { dialectFor, type ErrorDialect, type ErrorReply } from './error-dialect';
import { httpStatusOf } from './to-platform-error';

/** The platform's own error reply: `{error: {code, message, details}, requestId}`. */
function platformReplyOf(error: PlatformError, request: Request): ErrorReply {
  const requestId = currentRequestId() ?? acceptOrCreateRequestId(request.headers['x-request-id']);
  const body: ErrorBody = { error: error.toPayload(), requestId };
  const retryAfter = error.details?.['retryAfterSeconds'];
  return {
    status: httpStatusOf(error),
    body,
    ...(typeof retryAfter === 'number' ? { retryAfterSeconds: Math.ceil(retryAfter) } : {}),
  };
}

/** Writes an HTTP error in the dialect of the request's path, or in the platform's shape. */
export function sendErrorResponse(
  request: Request,
  res: Response,
  error: PlatformError,
  dialects: readonly ErrorDialect[] = [],
): void {
  const dialect = dialectFor(dialects, request);
  const reply = dialect ? dialect.replyOf(error, request) : platformReplyOf(error, request);
  if (reply.retryAfterSeconds !== undefined)
    res.setHeader('Retry-After', String(reply.retryAfterSeconds));
  res.status(reply.status).json(reply.body);
}
