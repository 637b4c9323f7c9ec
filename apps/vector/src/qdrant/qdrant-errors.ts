import { ErrorCode, PlatformError } from '@aip/contracts';
import { VectorConfig } from '../config/vector.config';
import { httpStatus } from './qdrant-failure';
import {
  QdrantResilience,
  type QdrantCallOptions,
  type QdrantResilienceSettings,
} from './qdrant-resilience';

export function resilienceSettings(config: VectorConfig): QdrantResilienceSettings {
  return {
    url: config.QDRANT_URL,
    timeoutMs: config.VECTOR_QDRANT_TIMEOUT_MS,
    retries: config.VECTOR_QDRANT_RETRIES,
    breakerThreshold: config.VECTOR_QDRANT_BREAKER_THRESHOLD,
    halfOpenAfterMs: config.VECTOR_QDRANT_BREAKER_HALF_OPEN_MS,
  };
}

/**
 * One breaker per process, like the one client it guards: qdrantCall is a plain function at
 * every call site, so QdrantModule installs the configured instance at boot.
 */
let active: QdrantResilience | undefined;

export function installQdrantResilience(resilience: QdrantResilience): void {
  active = resilience;
}

function resilience(): QdrantResilience {
  active ??= new QdrantResilience(resilienceSettings(new VectorConfig()));
  return active;
}

/** The error Qdrant (or vector-engine) answered, as a typed platform error. */
export function fromQdrant(error: unknown, what: string): PlatformError {
  if (error instanceof PlatformError) return error;
  const unavailable = resilience().unavailable(error, what);
  if (unavailable) return unavailable;
  const data = (error as { data?: { status?: { error?: unknown } } }).data;
  const message =
    typeof data?.status?.error === 'string'
      ? data.status.error
      : error instanceof Error
        ? error.message
        : String(error);
  switch (httpStatus(error)) {
    case 404:
      return new PlatformError(ErrorCode.NotFound, `${what}: ${message}`);
    case 400:
    case 422:
      return new PlatformError(ErrorCode.ValidationFailed, `${what}: ${message}`);
    case 409:
      return new PlatformError(ErrorCode.Conflict, `${what}: ${message}`);
    default:
      return new PlatformError(
        ErrorCode.VectorStoreUnavailable,
        `the vector store at ${resilience().settings.url} failed: ${message} (${what})`,
        { retryAfterSeconds: 1 },
      );
  }
}

/**
 * A Qdrant call under the timeout and circuit breaker; retried with backoff only when the caller
 * states it is idempotent. Failures become PlatformErrors (503 VECTOR_STORE_UNAVAILABLE when the
 * store cannot be reached).
 */
export async function qdrantCall<T>(
  what: string,
  call: () => Promise<T>,
  options: QdrantCallOptions = {},
): Promise<T> {
  try {
    return await resilience().run(call, options);
  } catch (error) {
    throw fromQdrant(error, what);
  }
}
