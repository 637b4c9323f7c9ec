import type { Request } from 'express';
import { ErrorCode, HTTP_STATUS_BY_CODE, type PlatformError } from '@aip/contracts';
import type { ErrorDialect } from '@aip/platform';

/** An error as Ollama answers it: a status and `{"error": "message"}`. */
export interface OllamaErrorReply {
  status: number;
  body: { error: string };
  /** For 429: how long to wait, sent as `Retry-After`. */
  retryAfterSeconds?: number;
}

/**
 * The Ollama reply for a platform error: the same status, the message alone. An unknown model
 * (the inference and embedding services name it in the details) gets Ollama's own wording, with
 * the model as the client named it, so clients that look for it offer to pull the model.
 */
export function ollamaErrorOf(error: PlatformError, requestedModel?: string): OllamaErrorReply {
  const details = error.details ?? {};
  const unknownModel = error.code === ErrorCode.NotFound && typeof details['model'] === 'string';
  const message = unknownModel
    ? `model "${requestedModel ?? String(details['model'])}" not found, try pulling it first`
    : error.message;
  const retryAfter = details['retryAfterSeconds'];
  return {
    status: HTTP_STATUS_BY_CODE[error.code],
    body: { error: message },
    ...(typeof retryAfter === 'number' ? { retryAfterSeconds: Math.ceil(retryAfter) } : {}),
  };
}

/** The model an Ollama request named: `model`, or `name` in older clients' requests. */
function requestedModelOf(request: Request): string | undefined {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const model = body['model'] ?? body['name'];
  return typeof model === 'string' ? model : undefined;
}

/**
 * Errors under Ollama's paths (`/api/*` apart from the platform's `/api/v1`) in Ollama's shape,
 * `{"error": "message"}`, which its clients read (the platform's `{error: {code, message}}`
 * would reach them as "[object Object]"): the routes' errors, the guards' refusals, a malformed
 * body and an unknown path.
 */
export const ollamaErrorDialect: ErrorDialect = {
  matches: (path) => path.startsWith('/api/') && path !== '/api/v1' && !path.startsWith('/api/v1/'),
  replyOf: (error, request) => ollamaErrorOf(error, requestedModelOf(request)),
};
