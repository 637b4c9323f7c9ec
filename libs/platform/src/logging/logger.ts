import pino, { type Logger } from 'pino';
import type { LogLevel } from '../config/base.config';
import { currentRequestId } from './request-context';

export type { Logger } from 'pino';

/**
 * Paths pino replaces with "[redacted]". Keys, tokens and passwords can reach a log line
 * through headers, config dumps or error details; none of them may be written out.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers.cookie',
  'headers.authorization',
  'headers["x-api-key"]',
  '*.password',
  '*.secret',
  '*.apiKey',
  '*.api_key',
  '*.token',
  '*.GATEWAY_ADMIN_KEY',
  '*.JWT_SECRET',
  '*.REDIS_URL',
  '*.DATABASE_URL',
];

export interface LoggerOptions {
  service: string;
  version: string;
  level: LogLevel;
  destination?: pino.DestinationStream;
}

/** JSON lines on stdout with the service, its version and the current request id. */
export function createLogger(options: LoggerOptions): Logger {
  return pino(
    {
      level: options.level,
      base: { service: options.service, version: options.version, pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      mixin() {
        const requestId = currentRequestId();
        return requestId === undefined ? {} : { requestId };
      },
      formatters: { level: (label) => ({ level: label }) },
    },
    options.destination ?? pino.destination({ fd: 1, sync: false }),
  );
}
