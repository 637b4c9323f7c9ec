import { percentile } from './stats';

export interface OpenLoopOptions {
  /** Target arrival rate, requests per second. */
  rate: number;
  /** How long requests keep arriving; the step then waits for the answers still due. */
  durationMs: number;
  /**
   * Most requests waiting for an answer at once. A request due while this many are out is not
   * sent and counts as missed: the cap keeps a system that has fallen far behind from burying
   * the machine in sockets, and never turns lost arrivals into a lower rate.
   */
  maxInFlight: number;
  /** Longest wait for the answers still out once the schedule has ended; later ones time out. */
  drainMs: number;
}

/** One step of open-loop load at one rate. */
export interface OpenLoopStep {
  /** Target arrival rate, requests per second. */
  rate: number;
  durationMs: number;
  /** Requests the schedule held: rate x duration. */
  scheduled: number;
  /** Answered without error (the latency percentiles are over these). */
  completed: number;
  /** Sent and failed (the send rejected). */
  errors: number;
  /** Due while `maxInFlight` requests were out, so never sent. */
  missed: number;
  /** Still unanswered when the drain ended. */
  timedOut: number;
  /** Answered requests per second, over the step or until its last answer if that came later. */
  achievedRate: number;
  /** Latency from each request's scheduled send time (not its actual one) to its answer. */
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /**
   * Worst lateness of an actual send against its schedule: the load generator's own lag (its
   * event loop starved of CPU). The latencies include it, so a high value means the client,
   * not only the system under test, ran short.
   */
  maxSendLagMs: number;
}

/** Milliseconds after the start at which request `index` is due: a fixed, even schedule. */
export function scheduledOffsetMs(index: number, rate: number): number {
  return (index * 1000) / rate;
}

/** Requests a step of `durationMs` at `rate` holds (at least one). */
export function scheduledCount(rate: number, durationMs: number): number {
  return Math.max(1, Math.round((rate * durationMs) / 1000));
}

/**
 * How many of the schedule's first `total` requests are due `elapsedMs` after the start. The
 * tiny slack absorbs float rounding, so request i is due at exactly its own offset.
 */
export function dueCount(elapsedMs: number, rate: number, total: number): number {
  if (elapsedMs < 0) return 0;
  return Math.min(total, Math.floor((elapsedMs * rate) / 1000 + 1e-9) + 1);
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => (ms > 0 ? setTimeout(resolve, ms) : setImmediate(resolve)));
}

/**
 * Sends requests at a fixed arrival rate, request i due at start + i / rate, whatever the
 * answers are doing: unlike a closed loop, where a slow answer delays the next request and so
 * hides the queueing it would have met (coordinated omission), a slow system here meets every
 * arrival the schedule holds, and each latency runs from the scheduled time, so a request the
 * generator itself sent late is charged its lateness too.
 */
export async function openLoop(
  options: OpenLoopOptions,
  send: (index: number) => Promise<void>,
): Promise<OpenLoopStep> {
  const { rate, durationMs, maxInFlight, drainMs } = options;
  const total = scheduledCount(rate, durationMs);
  const latencies: number[] = [];
  const requests: Promise<void>[] = [];
  let inFlight = 0;
  let errors = 0;
  let missed = 0;
  let maxSendLagMs = 0;
  let next = 0;
  const start = performance.now();
  let lastAnswer = start;

  const dispatch = (index: number): void => {
    const scheduled = start + scheduledOffsetMs(index, rate);
    maxSendLagMs = Math.max(maxSendLagMs, performance.now() - scheduled);
    inFlight++;
    requests.push(
      (async () => {
        try {
          await send(index);
          latencies.push(performance.now() - scheduled);
        } catch {
          errors++;
        } finally {
          inFlight--;
          lastAnswer = performance.now();
        }
      })(),
    );
  };

  while (next < total) {
    const due = dueCount(performance.now() - start, rate, total);
    for (; next < due; next++) {
      if (inFlight >= maxInFlight) missed++;
      else dispatch(next);
    }
    if (next < total) await pause(start + scheduledOffsetMs(next, rate) - performance.now());
  }
  let drainTimer: NodeJS.Timeout | undefined;
  await Promise.race([
    Promise.all(requests),
    new Promise<void>((resolve) => (drainTimer = setTimeout(resolve, drainMs))),
  ]);
  clearTimeout(drainTimer);

  // Answers arriving after the drain must not change figures already taken: copy them now.
  const answered = [...latencies];
  return {
    rate,
    durationMs,
    scheduled: total,
    completed: answered.length,
    errors,
    missed,
    timedOut: inFlight,
    achievedRate: answered.length / (Math.max(lastAnswer - start, durationMs) / 1000),
    p50Ms: percentile(answered, 50),
    p95Ms: percentile(answered, 95),
    p99Ms: percentile(answered, 99),
    maxSendLagMs,
  };
}
