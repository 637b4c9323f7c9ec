import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import type { RequestMetrics } from '../metrics/request-metrics';
import { outcomeForStatus } from '../metrics/request-metrics';
import { acceptOrCreateRequestId, runWithRequestId } from '../logging/request-context';

/**
 * First middleware of every HTTP app: gives the request an id (echoed in `X-Request-Id`),
 * runs the rest of the request inside that id's context, and on finish writes one access log
 * line and the request metrics. Routes are labelled by their pattern, never the raw URL.
 */
export function httpObserver(logger: Logger, metrics: RequestMetrics) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const requestId = acceptOrCreateRequestId(req.headers['x-request-id']);
    res.setHeader('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const route = (req.route as { path?: string } | undefined)?.path;
      const label = route === undefined ? 'unmatched' : `${req.baseUrl}${route}`;
      metrics.observe('http', label, outcomeForStatus(res.statusCode), seconds);
      runWithRequestId(requestId, () => {
        const line = {
          method: req.method,
          path: req.path,
          status: res.statusCode,
          ms: Math.round(seconds * 1e4) / 10,
        };
        if (req.path.startsWith('/health/') || req.path === '/metrics') logger.debug(line, 'http');
        else logger.info(line, 'http');
      });
    });
    runWithRequestId(requestId, next);
  };
}
