import {
  type CircuitBreakerPolicy,
  CircuitState,
  circuitBreaker,
  ConsecutiveBreaker,
  ExponentialBackoff,
  handleWhen,
  retry,
  timeout,
  TimeoutStrategy,
  type RetryPolicy,
  type TimeoutPolicy,
} from 'cockatiel';
import { Counter, Gauge } from 'prom-client';
import { ErrorCode, PlatformError } from '@aip/contracts';
import { registeredMetric } from '@aip/platform';
import {
  httpStatus,
  isRefusedByBreaker,
  isRetryable,
  isTimeout,
  storeIsDown,
  unavailableReason,
} from './qdrant-failure';

/** Timeout for calls known to be slow on big collections (snapshots): pass it as timeoutMs. */
export const QDRANT_SLOW_CALL_TIMEOUT_MS = 120_000;

/** First pause before retrying an idempotent call; doubled per attempt up to the max. */
const RETRY_INITIAL_DELAY_MS = 100;
const RETRY_MAX_DELAY_MS = 500;

export interface QdrantResilienceSettings {
  url: string;
  timeoutMs: number;
  /** Extra attempts of idempotent calls. */
  retries: number;
  /** Consecutive store failures that open the breaker. */
  breakerThreshold: number;
  /** How long the breaker stays open before one probe call may pass. */
  halfOpenAfterMs: number;
}

export interface QdrantCallOptions {
  /**
   * Running the call twice has the same effect as once (reads, searches, upserts with explicit
   * ids, deletes by id): only such calls are retried.
   */
  idempotent?: boolean;
  /** A longer bound for calls known to be slow (snapshots); the configured one otherwise. */
  timeoutMs?: number;
}

export type BreakerState = 'closed' | 'open' | 'half-open' | 'isolated';

const BREAKER_STATES: Record<CircuitState, BreakerState> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'half-open',
  [CircuitState.Isolated]: 'isolated',
};

type CallOutcome = 'success' | 'client_error' | 'unavailable' | 'timeout' | 'rejected';

const calls = registeredMetric(
  'aip_vector_store_calls_total',
  () =>
    new Counter({
      name: 'aip_vector_store_calls_total',
      help: 'Calls to Qdrant by outcome (rejected: refused by the open circuit breaker)',
      labelNames: ['outcome'],
    }),
);
const breakerGauge = registeredMetric(
  'aip_vector_store_breaker_state',
  () =>
    new Gauge({
      name: 'aip_vector_store_breaker_state',
      help: 'Circuit breaker around Qdrant: 1 for the current state, 0 for the others',
      labelNames: ['state'],
    }),
);

function outcomeOf(error: unknown): CallOutcome {
  if (isRefusedByBreaker(error)) return 'rejected';
  if (isTimeout(error)) return 'timeout';
  if (storeIsDown(error) || (httpStatus(error) ?? 500) >= 500) return 'unavailable';
  return 'client_error';
}

/**
 * Timeouts, a circuit breaker and retries around every Qdrant call. Each attempt has its own
 * timeout and counts towards the breaker; only idempotent calls get further attempts, with
 * backoff. While the breaker is open, calls fail at once (no waiting on a dead store); after
 * halfOpenAfterMs one call probes the store and closes the breaker when it succeeds, so the
 * service recovers by itself when the store returns.
 */
export class QdrantResilience {
  private readonly breaker: CircuitBreakerPolicy;
  private readonly retry: RetryPolicy;
  private openedAt = 0;
  private readonly timeouts = new Map<number, TimeoutPolicy>();

  constructor(readonly settings: QdrantResilienceSettings) {
    this.breaker = circuitBreaker(handleWhen(storeIsDown), {
      halfOpenAfter: settings.halfOpenAfterMs,
      breaker: new ConsecutiveBreaker(settings.breakerThreshold),
    });
    this.retry = retry(handleWhen(isRetryable), {
      maxAttempts: settings.retries,
      backoff: new ExponentialBackoff({
        initialDelay: RETRY_INITIAL_DELAY_MS,
        maxDelay: RETRY_MAX_DELAY_MS,
      }),
    });
    this.breaker.onBreak(() => (this.openedAt = Date.now()));
    this.breaker.onStateChange(() => this.showState());
    this.showState();
  }

  /** Calls the listener on every breaker transition (for the logs). */
  onStateChange(listener: (state: BreakerState) => void): void {
    this.breaker.onStateChange((state) => listener(BREAKER_STATES[state]));
  }

  get state(): BreakerState {
    return BREAKER_STATES[this.breaker.state];
  }

  /** Runs one Qdrant call; failures come back as PlatformErrors (see fromQdrant). */
  async run<T>(call: () => Promise<T>, options: QdrantCallOptions = {}): Promise<T> {
    const limit = this.timeoutPolicy(options.timeoutMs ?? this.settings.timeoutMs);
    const attempt = () => this.breaker.execute(() => limit.execute(call));
    try {
      const result = await (options.idempotent ? this.retry.execute(attempt) : attempt());
      calls.inc({ outcome: 'success' });
      return result;
    } catch (error) {
      calls.inc({ outcome: outcomeOf(error) });
      throw error;
    }
  }

  /**
   * One policy per duration. abortOnReturn off: the calls take no abort signal, and aborting
   * after every call would build a DOMException (with its stack) per search.
   */
  private timeoutPolicy(ms: number): TimeoutPolicy {
    let policy = this.timeouts.get(ms);
    if (!policy) {
      policy = timeout(ms, { strategy: TimeoutStrategy.Aggressive, abortOnReturn: false });
      this.timeouts.set(ms, policy);
    }
    return policy;
  }

  /** The error for a failure that means the store cannot be used now, else undefined. */
  unavailable(error: unknown, what: string): PlatformError | undefined {
    if (!isRefusedByBreaker(error) && !storeIsDown(error)) return undefined;
    const reason = isRefusedByBreaker(error)
      ? `the circuit breaker is open after ${this.settings.breakerThreshold} consecutive failures`
      : unavailableReason(error, this.settings.timeoutMs);
    return new PlatformError(
      ErrorCode.VectorStoreUnavailable,
      `the vector store at ${this.settings.url} is unavailable: ${reason} (${what})`,
      { retryAfterSeconds: this.retryAfterSeconds() },
    );
  }

  /** Until the breaker lets a probe through, or one second when it is closed. */
  private retryAfterSeconds(): number {
    if (this.breaker.state !== CircuitState.Open) return 1;
    const left = this.openedAt + this.settings.halfOpenAfterMs - Date.now();
    return Math.max(1, Math.ceil(left / 1000));
  }

  private showState(): void {
    for (const state of Object.values(BREAKER_STATES))
      breakerGauge.set({ state }, state === this.state ? 1 : 0);
  }
}
