import { ErrorCode, HTTP_STATUS_BY_CODE, type PlatformError } from '@aip/contracts';

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
