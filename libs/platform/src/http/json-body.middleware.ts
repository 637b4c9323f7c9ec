import { json, type NextFunction, type Request, type Response } from 'express';
import { ErrorCode, PlatformError } from '@aip/contracts';
import type { ErrorDialect } from '../errors/error-dialect';
import { sendErrorResponse } from '../errors/error-response';
import { toPlatformError } from '../errors/to-platform-error';
import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth';
import { assertUtf8Body } from './utf8-body';

/**
 * JSON body parsing with explicit limits: size, UTF-8 bytes and nesting depth. These failures
 * happen before Nest's routing, so they are answered here, in the error shape of the path's
 * dialect (OpenAI's under `/v1`) or the platform's.
 */
export function jsonBody(limitBytes: number, dialects: readonly ErrorDialect[] = []) {
  const parse = json({
    limit: limitBytes,
    // body-parser hands what the hook throws to the callback below (adding its own status and
    // type to it), so a PlatformError arrives there as itself.
    verify: (_req, _res, body, charset) => assertUtf8Body(body, charset),
  });
  return (req: Request, res: Response, next: NextFunction): void => {
    parse(req, res, (err?: unknown) => {
      const error = err ?? tooDeep(req.body);
      if (error === undefined || error === null) return next();
      sendErrorResponse(req, res, toPlatformError(error), dialects);
    });
  };
}

function tooDeep(body: unknown): PlatformError | undefined {
  if (!nestsDeeperThan(body, MAX_JSON_DEPTH)) return undefined;
  return new PlatformError(
    ErrorCode.ValidationFailed,
    `Request body is nested deeper than the limit of ${MAX_JSON_DEPTH} levels`,
    { limitDepth: MAX_JSON_DEPTH },
  );
}
