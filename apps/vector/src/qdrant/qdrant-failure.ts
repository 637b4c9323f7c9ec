// cockatiel 3.2.1's isTaskCancelledError and isIsolatedCircuitError test the wrong marker
// property; the classes are reliable (IsolatedCircuitError extends BrokenCircuitError).
import { BrokenCircuitError, TaskCancelledError } from 'cockatiel';

/** Statuses that mean the store (or a proxy before it) cannot serve now, whatever the request. */
const UNAVAILABLE_STATUSES: readonly number[] = [502, 503, 504];

/** The HTTP status Qdrant answered, when it answered at all. */
export function httpStatus(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' ? status : undefined;
}

/** The breaker is open (or held open): the call was refused without reaching the store. */
export function isRefusedByBreaker(error: unknown): boolean {
  return error instanceof BrokenCircuitError;
}

/** Our per-call timeout fired, or the client's own one did. */
export function isTimeout(error: unknown): boolean {
  return (
    error instanceof TaskCancelledError ||
    (error instanceof Error && error.name === 'QdrantClientTimeoutError')
  );
}

/**
 * The request never got an HTTP answer: connection refused or reset, DNS failure. Fetch reports
 * these as a TypeError ("fetch failed") with the socket error as its cause; by name, since
 * undici's TypeError may come from another realm (a test's VM context).
 */
export function isConnectionFailure(error: unknown): boolean {
  const { name, message } = (error ?? {}) as { name?: unknown; message?: unknown };
  return name === 'TypeError' && message === 'fetch failed';
}

/**
 * Failures that say the store is down rather than that the request was wrong: these count
 * towards opening the breaker. A 4xx (unknown collection, bad filter) or a 500 on one request
 * says nothing about the store's health and must not cut everyone off.
 */
export function storeIsDown(error: unknown): boolean {
  const status = httpStatus(error);
  return (
    isConnectionFailure(error) ||
    isTimeout(error) ||
    (status !== undefined && UNAVAILABLE_STATUSES.includes(status))
  );
}

/**
 * Worth another attempt of an idempotent call: failures that come back fast. A timeout is not
 * retried: it has already spent the caller's time budget. An open breaker is not retried either.
 */
export function isRetryable(error: unknown): boolean {
  return storeIsDown(error) && !isTimeout(error);
}

/** Why the store counts as unavailable, in words for the error message. */
export function unavailableReason(error: unknown, timeoutMs: number): string {
  if (isTimeout(error)) return `no answer within ${timeoutMs} ms`;
  const status = httpStatus(error);
  if (status !== undefined) return `it answered HTTP ${status}`;
  const cause = (error as { cause?: { message?: unknown } }).cause;
  const message = error instanceof Error ? error.message : String(error);
  return typeof cause?.message === 'string' ? `${message}: ${cause.message}` : message;
}
