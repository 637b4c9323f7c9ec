import type { Request } from 'express';
import { ErrorCode, HTTP_STATUS_BY_CODE, type PlatformError } from '@aip/contracts';
import type { ErrorDialect } from '@aip/platform';

/** The body OpenAI answers an error with; its SDKs read `type`, `param` and `code` from it. */
export interface OpenAiErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

/** An error as OpenAI answers it: a status, its body, and for 429 how long to wait. */
export interface OpenAiErrorReply {
  status: number;
  body: OpenAiErrorBody;
  retryAfterSeconds?: number;
}

/** OpenAI's `type` and `code` for each platform error code (the status stays the platform's). */
const OPENAI_KIND: Record<ErrorCode, { type: string; code: string | null }> = {
  [ErrorCode.ValidationFailed]: { type: 'invalid_request_error', code: null },
  [ErrorCode.MalformedJson]: { type: 'invalid_request_error', code: null },
  [ErrorCode.PayloadTooLarge]: { type: 'invalid_request_error', code: 'payload_too_large' },
  [ErrorCode.Unauthenticated]: { type: 'authentication_error', code: 'invalid_api_key' },
  [ErrorCode.Forbidden]: { type: 'permission_error', code: 'insufficient_permissions' },
  [ErrorCode.NotFound]: { type: 'invalid_request_error', code: null },
  [ErrorCode.MethodNotAllowed]: { type: 'invalid_request_error', code: null },
  [ErrorCode.Conflict]: { type: 'invalid_request_error', code: 'conflict' },
  [ErrorCode.RateLimited]: { type: 'requests', code: 'rate_limit_exceeded' },
  [ErrorCode.ServiceUnavailable]: { type: 'server_error', code: 'service_unavailable' },
  [ErrorCode.VectorStoreUnavailable]: { type: 'server_error', code: 'service_unavailable' },
  [ErrorCode.ModelNotLoaded]: { type: 'server_error', code: 'model_not_loaded' },
  [ErrorCode.Timeout]: { type: 'server_error', code: 'timeout' },
  [ErrorCode.Internal]: { type: 'server_error', code: null },
};

/**
 * A field path as OpenAI's `param` spells it: list indexes in brackets (`messages[1].content`
 * where the validation names `messages.1.content`).
 */
export function openAiParamOf(field: string): string {
  return field.replace(/\.(\d+)(?=\.|$)/g, '[$1]');
}

/** The field an error is about: the one it names, or the first of its validation problems. */
function fieldOf(details: Record<string, unknown>): string | undefined {
  if (typeof details['field'] === 'string') return details['field'];
  const problems = details['problems'];
  if (!Array.isArray(problems)) return undefined;
  const first = problems[0] as { field?: unknown } | undefined;
  return typeof first?.field === 'string' ? first.field : undefined;
}

/**
 * The OpenAI reply for a platform error. An unknown model (the services name it in the
 * details) gets OpenAI's `model_not_found` and wording, with the model as the client named it;
 * a token budget's 429 is of type `tokens`, any other 429 of type `requests`, as OpenAI's.
 */
export function openAiErrorOf(error: PlatformError, requestedModel?: string): OpenAiErrorReply {
  const details = error.details ?? {};
  const kind = OPENAI_KIND[error.code];
  const retryAfter = details['retryAfterSeconds'];
  const reply = (message: string, param: string | null, type = kind.type, code = kind.code) => ({
    status: HTTP_STATUS_BY_CODE[error.code],
    body: { error: { message, type, param, code } },
    ...(typeof retryAfter === 'number' ? { retryAfterSeconds: Math.ceil(retryAfter) } : {}),
  });
  if (error.code === ErrorCode.NotFound && typeof details['model'] === 'string') {
    const model = requestedModel ?? details['model'];
    return reply(
      `The model \`${model}\` does not exist or you do not have access to it.`,
      'model',
      'invalid_request_error',
      'model_not_found',
    );
  }
  if (error.code === ErrorCode.RateLimited && typeof details['requested'] === 'number') {
    return reply(error.message, null, 'tokens');
  }
  const field = fieldOf(details);
  return reply(error.message, field === undefined ? null : openAiParamOf(field));
}

/** The model an OpenAI request named in its body, or in the path of `GET /v1/models/{id}`. */
function requestedModelOf(request: Request): string | undefined {
  const body = (request.body ?? {}) as Record<string, unknown>;
  const model = body['model'] ?? request.params?.['id'];
  return typeof model === 'string' ? model : undefined;
}

/**
 * Every error under `/v1` in OpenAI's shape, which OpenAI's SDKs turn into their typed errors
 * (the platform's own shape would reach them without a type or param): the routes' own errors,
 * the guards' refusals (401, 403, 429), a malformed or oversized body and an unknown path.
 */
export const openAiErrorDialect: ErrorDialect = {
  matches: (path) => path === '/v1' || path.startsWith('/v1/'),
  replyOf: (error, request) => openAiErrorOf(error, requestedModelOf(request)),
};

/**
 * The last event of an OpenAI stream that fails after it started: `{"error": {...}}`, which
 * OpenAI's SDKs raise as an APIError carrying the type and code, as they do for OpenAI's own.
 */
export function openAiStreamFailure(error: PlatformError): OpenAiErrorBody {
  return openAiErrorOf(error).body;
}
