import { json, type NextFunction, type Request, type Response } from 'express';
import { currentRequestId, acceptOrCreateRequestId } from '../logging/request-context';
import { sendErrorResponse } from '../errors/error-response';
import { toPlatformError } from '../errors/to-platform-error';

/**
 * JSON body parsing with an explicit size limit. Parser failures (malformed JSON, too large)
 * happen before Nest's routing, so they are answered here in the platform's error shape.
 */
export function jsonBody(limitBytes: number) {
  const parse = json({ limit: limitBytes });
  return (req: Request, res: Response, next: NextFunction): void => {
    parse(req, res, (err?: unknown) => {
      if (err === undefined || err === null) return next();
      const requestId = currentRequestId() ?? acceptOrCreateRequestId(req.headers['x-request-id']);
      sendErrorResponse(res, toPlatformError(err), requestId);
    });
  };
}
