import { type ErrorCode, isErrorCode } from './error-code';

/** What crosses NATS when a handler fails, and what the gateway puts under `error`. */
export interface ErrorPayload {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

/** The HTTP error body, the only shape an error leaves the gateway in. */
export interface ErrorBody {
  error: ErrorPayload;
  requestId: string;
}

/** A typed error that keeps its code across process boundaries. */
export class PlatformError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'PlatformError';
  }

  toPayload(): ErrorPayload {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }

  static fromPayload(value: unknown): PlatformError | undefined {
    if (typeof value !== 'object' || value === null) return undefined;
    const { code, message, details } = value as Record<string, unknown>;
    if (!isErrorCode(code) || typeof message !== 'string') return undefined;
    const safeDetails =
      typeof details === 'object' && details !== null
        ? (details as Record<string, unknown>)
        : undefined;
    return new PlatformError(code, message, safeDetails);
  }
}
