import type { Request } from 'express';
import type { PlatformError } from '@aip/contracts';

/** An HTTP error as one API's clients expect it: the status, the body and, for 429, the wait. */
export interface ErrorReply {
  status: number;
  body: unknown;
  retryAfterSeconds?: number;
}

/**
 * The error shape of an API the platform speaks besides its own (OpenAI's under `/v1`, Ollama's
 * under its paths), chosen by the request's path. Choosing by path, not by route, also covers
 * what fails before any route is found: a malformed or oversized body, an unknown path.
 */
export interface ErrorDialect {
  /** Whether requests to this path expect this dialect. */
  matches(path: string): boolean;
  replyOf(error: PlatformError, request: Request): ErrorReply;
}

/** Injection token: the app's error dialects, first match wins; the platform's shape otherwise. */
export const ERROR_DIALECTS = Symbol('ERROR_DIALECTS');

/** The dialect a request's errors are written in, if the path has one. */
export function dialectFor(
  dialects: readonly ErrorDialect[],
  request: Request,
): ErrorDialect | undefined {
  return dialects.find((dialect) => dialect.matches(request.path));
}
