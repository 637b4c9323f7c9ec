import { ErrorCode, PlatformError } from '@aip/contracts';

/** The error Qdrant (or vector-engine) answered, as a typed platform error. */
export function fromQdrant(error: unknown, what: string): PlatformError {
  if (error instanceof PlatformError) return error;
  const status = (error as { status?: unknown }).status;
  const data = (error as { data?: { status?: { error?: unknown } } }).data;
  const message =
    typeof data?.status?.error === 'string'
      ? data.status.error
      : error instanceof Error
        ? error.message
        : String(error);
  switch (status) {
    case 404:
      return new PlatformError(ErrorCode.NotFound, `${what}: ${message}`);
    case 400:
    case 422:
      return new PlatformError(ErrorCode.ValidationFailed, `${what}: ${message}`);
    case 409:
      return new PlatformError(ErrorCode.Conflict, `${what}: ${message}`);
    default:
      return new PlatformError(
        ErrorCode.ServiceUnavailable,
        `${what}: the vector store is unavailable (${message})`,
        { retryAfterSeconds: 2 },
      );
  }
}

export async function qdrantCall<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw fromQdrant(error, what);
  }
}
