import { setTimeout as sleep } from 'node:timers/promises';

/** First wait before a retry; each further one doubles it. */
export const RETRY_BASE_MS = 250;
/** Longest wait between two tries, a server's Retry-After included. */
export const RETRY_MAX_WAIT_MS = 30_000;

/** A failure worth another try: the server is busy or down, or the network is. */
export class TransientError extends Error {
  constructor(
    message: string,
    /** The server's Retry-After, in ms, when it sent one. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/** A failure another try would repeat (a 4xx other than 429, an unreadable answer). */
export class PermanentError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** Wait before retry number `attempt` (0-based): the server's Retry-After, else exponential. */
export function retryDelay(attempt: number, retryAfterMs?: number): number {
  return Math.min(retryAfterMs ?? RETRY_BASE_MS * 2 ** attempt, RETRY_MAX_WAIT_MS);
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date; undefined when absent or bad. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  if (/^\d+(\.\d+)?$/.test(header.trim())) return Number(header) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * POSTs JSON and parses the JSON answer, retrying transient failures `retries` times with
 * exponential backoff (honouring Retry-After). Each try has its own `timeoutMs`.
 */
export async function postJsonWithRetries<T>(
  url: string,
  body: unknown,
  settings: {
    headers: Record<string, string>;
    timeoutMs: number;
    retries: number;
    signal?: AbortSignal;
  },
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await postJson<T>(url, body, settings);
    } catch (error) {
      if (!(error instanceof TransientError) || attempt >= settings.retries) throw error;
      await sleep(retryDelay(attempt, error.retryAfterMs), undefined, { signal: settings.signal });
    }
  }
}

async function postJson<T>(
  url: string,
  body: unknown,
  settings: { headers: Record<string, string>; timeoutMs: number; signal?: AbortSignal },
): Promise<T> {
  const timeout = AbortSignal.timeout(settings.timeoutMs);
  const signal = settings.signal ? AbortSignal.any([timeout, settings.signal]) : timeout;
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...settings.headers },
      body: JSON.stringify(body),
      signal,
    });
    text = await response.text();
  } catch (error) {
    if (settings.signal?.aborted) throw error;
    const reason = timeout.aborted
      ? `no answer within ${settings.timeoutMs} ms`
      : error instanceof Error
        ? `${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ''}`
        : String(error);
    throw new TransientError(`POST ${url}: ${reason}`);
  }
  if (response.status === 429 || response.status >= 500) {
    throw new TransientError(
      `POST ${url} answered ${response.status}: ${text.slice(0, 200)}`,
      parseRetryAfter(response.headers.get('retry-after')),
    );
  }
  if (!response.ok) {
    throw new PermanentError(
      `POST ${url} answered ${response.status}: ${text.slice(0, 200)}`,
      response.status,
    );
  }
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new PermanentError(
      `POST ${url} answered ${response.status} with a body that is not JSON`,
    );
  }
}
