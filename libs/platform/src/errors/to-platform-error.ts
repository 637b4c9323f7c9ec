import { HttpException } from '@nestjs/common';
import { ErrorCode, HTTP_STATUS_BY_CODE, PlatformError } from '@aip/contracts';

const CODE_BY_HTTP_STATUS: Record<number, ErrorCode> = {
  400: ErrorCode.ValidationFailed,
  401: ErrorCode.Unauthenticated,
  403: ErrorCode.Forbidden,
  404: ErrorCode.NotFound,
  405: ErrorCode.MethodNotAllowed,
  409: ErrorCode.Conflict,
  413: ErrorCode.PayloadTooLarge,
  429: ErrorCode.RateLimited,
  503: ErrorCode.ServiceUnavailable,
};

/** Error thrown by Express's body parsers. */
interface BodyParserError {
  type: string;
  status?: number;
  limit?: number;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { type?: unknown }).type === 'string' &&
    typeof (error as { status?: unknown }).status === 'number'
  );
}

/**
 * Turns anything thrown into a PlatformError whose message is safe to show a caller.
 * Unknown errors become INTERNAL with a generic message: their text and stack stay in the logs.
 */
export function toPlatformError(error: unknown): PlatformError {
  if (error instanceof PlatformError) return error;
  const fromWire = PlatformError.fromPayload(error);
  if (fromWire) return fromWire;
  if (error instanceof HttpException) return fromHttpException(error);
  if (isBodyParserError(error)) return fromBodyParser(error);
  return new PlatformError(ErrorCode.Internal, 'Internal error');
}

function fromHttpException(error: HttpException): PlatformError {
  const status = error.getStatus();
  const code =
    CODE_BY_HTTP_STATUS[status] ??
    (status >= 500 ? ErrorCode.Internal : ErrorCode.ValidationFailed);
  const response = error.getResponse();
  const messages =
    typeof response === 'object' && response !== null
      ? (response as { message?: unknown }).message
      : response;
  if (Array.isArray(messages)) {
    return new PlatformError(code, messages.join('; '), { problems: messages });
  }
  return new PlatformError(code, typeof messages === 'string' ? messages : error.message);
}

function fromBodyParser(error: BodyParserError): PlatformError {
  switch (error.type) {
    case 'entity.too.large':
      return new PlatformError(
        ErrorCode.PayloadTooLarge,
        `Request body is larger than the limit of ${error.limit ?? '?'} bytes`,
        { limitBytes: error.limit },
      );
    case 'entity.parse.failed':
      return new PlatformError(ErrorCode.MalformedJson, 'Request body is not valid JSON');
    default:
      return new PlatformError(
        ErrorCode.ValidationFailed,
        `Request body could not be read (${error.type})`,
      );
  }
}

export function httpStatusOf(error: PlatformError): number {
  return HTTP_STATUS_BY_CODE[error.code];
}
