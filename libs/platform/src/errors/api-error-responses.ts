import { applyDecorators, type Type } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorBodyDto } from './error-body.responses';

/** Why an HTTP route answers each error status, as its OpenAPI description says. */
export const ERROR_STATUS_CAUSES = {
  400: 'Invalid request: malformed JSON, or fields that break their rules (named in the error)',
  401: 'No credential, or an unknown, revoked or expired one',
  403: "The caller's role, tenant or collection scope does not allow this",
  404: "What the request names does not exist, or is outside the caller's scope",
  409: 'It exists already',
  413: 'The body is larger than the gateway accepts',
  429: 'A rate limit or token budget is spent; Retry-After says when to try again',
  503: 'A service or store this route needs is unavailable',
  504: 'A service this route needs did not answer in time',
} as const;

export type ErrorStatus = keyof typeof ERROR_STATUS_CAUSES;

/** Documents the error statuses a route (or every route of a controller) answers, with `body`. */
export function ApiErrorResponses(
  body: Type<unknown>,
  statuses: readonly ErrorStatus[],
): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({ status, description: ERROR_STATUS_CAUSES[status], type: body }),
    ),
  );
}

/** Error statuses in the platform's own shape, `{error: {code, message, details?}, requestId}`. */
export function ApiPlatformErrors(...statuses: ErrorStatus[]): MethodDecorator & ClassDecorator {
  return ApiErrorResponses(ErrorBodyDto, statuses);
}
