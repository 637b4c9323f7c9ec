import type { Response } from 'express';
import type { ErrorBody, PlatformError } from '@aip/contracts';
import { httpStatusOf } from './to-platform-error';

/** Writes the single error body shape every HTTP error of the platform uses. */
export function sendErrorResponse(res: Response, error: PlatformError, requestId: string): void {
  const body: ErrorBody = { error: error.toPayload(), requestId };
  const retryAfter = error.details?.['retryAfterSeconds'];
  if (typeof retryAfter === 'number') res.setHeader('Retry-After', String(Math.ceil(retryAfter)));
  res.status(httpStatusOf(error)).json(body);
}
