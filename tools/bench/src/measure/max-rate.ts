/** What the search needs of a step of load at one rate (an OpenLoopStep has all of it). */
export interface RateStep {
  rate: number;
  p95Ms: number;
  errors: number;
  missed: number;
  timedOut: number;
}

export interface MaxRateOptions {
  /** A rate holds when its p95 stays under this and no request failed. */
  p95LimitMs: number;
  /** First rate tried, requests per second. */
  startRate: number;
  /**
   * Each ramp step multiplies the rate by this until a rate fails; when the first rate fails
   * already, each divides by it until a rate holds.
   */
  growth: number;
  /** Highest rate tried: a system that holds it is reported at it, as a lower bound. */
  ceilingRate: number;
  /** Lowest rate tried: a system that fails it has no rate to report. */
  floorRate: number;
  /** Geometric halvings of the gap between the highest rate that held and the lowest failing. */
  bisections: number;
}

export interface MaxRateResult<S extends RateStep> {
  /** The highest rate that held, or undefined when even the floor failed. */
  best?: S;
  /** The lowest rate that failed above `best`, or undefined when the ceiling held. */
  lowestFailing?: S;
  /** Every step in the order run. */
  steps: S[];
}

/** Every request answered, and the p95 under the limit (a NaN p95, nothing answered, fails). */
export function rateHolds(step: RateStep, p95LimitMs: number): boolean {
  return step.errors + step.missed + step.timedOut === 0 && step.p95Ms < p95LimitMs;
}

/**
 * The highest arrival rate whose step holds: ramps geometrically from `startRate`, up until a
 * rate fails or down until one holds, then bisects between the highest rate that held and the
 * lowest that failed. Rates are whole requests per second; bisection stops early once the two
 * are adjacent. Assumes latency grows with the rate: on a noisy machine a lucky or unlucky step
 * moves the answer by about the final gap (growth^(1/2^bisections)).
 */
export async function findMaxRate<S extends RateStep>(
  measure: (rate: number) => Promise<S>,
  options: MaxRateOptions,
): Promise<MaxRateResult<S>> {
  const steps: S[] = [];
  const found: { best?: S; lowestFailing?: S } = {};
  const tryRate = async (rate: number): Promise<void> => {
    const step = await measure(rate);
    steps.push(step);
    if (rateHolds(step, options.p95LimitMs)) found.best = step;
    else found.lowestFailing = step;
  };
  const ceiling = Math.round(options.ceilingRate);
  const floor = Math.round(options.floorRate);
  const up = (rate: number) =>
    Math.min(ceiling, Math.max(rate + 1, Math.round(rate * options.growth)));
  const down = (rate: number) =>
    Math.max(floor, Math.min(rate - 1, Math.round(rate / options.growth)));

  await tryRate(Math.round(options.startRate));
  while (found.best && !found.lowestFailing && found.best.rate < ceiling)
    await tryRate(up(found.best.rate));
  while (!found.best && found.lowestFailing && found.lowestFailing.rate > floor)
    await tryRate(down(found.lowestFailing.rate));

  for (let i = 0; found.best && found.lowestFailing && i < options.bisections; i++) {
    const rate = Math.round(Math.sqrt(found.best.rate * found.lowestFailing.rate));
    if (rate <= found.best.rate || rate >= found.lowestFailing.rate) break;
    await tryRate(rate);
  }
  return { ...found, steps };
}
