import { findMaxRate, rateHolds, type RateStep } from './max-rate';

const LIMIT = 50;
const options = {
  p95LimitMs: LIMIT,
  startRate: 100,
  growth: 2,
  ceilingRate: 10_000,
  floorRate: 5,
  bisections: 3,
};

/** A fake system whose p95 crosses the limit at `capacity` requests/s and fails far beyond. */
function system(capacity: number): (rate: number) => Promise<RateStep> {
  return async (rate) => ({
    rate,
    p95Ms: (rate / capacity) * LIMIT,
    errors: 0,
    missed: rate > capacity * 3 ? 10 : 0,
    timedOut: 0,
  });
}

describe('rateHolds', () => {
  const held: RateStep = { rate: 100, p95Ms: 49, errors: 0, missed: 0, timedOut: 0 };

  it('asks for a p95 strictly under the limit and no failed request', () => {
    expect(rateHolds(held, LIMIT)).toBe(true);
    expect(rateHolds({ ...held, p95Ms: LIMIT }, LIMIT)).toBe(false);
    expect(rateHolds({ ...held, errors: 1 }, LIMIT)).toBe(false);
    expect(rateHolds({ ...held, missed: 1 }, LIMIT)).toBe(false);
    expect(rateHolds({ ...held, timedOut: 1 }, LIMIT)).toBe(false);
    expect(rateHolds({ ...held, p95Ms: Number.NaN }, LIMIT)).toBe(false);
  });
});

describe('findMaxRate', () => {
  it('ramps geometrically to the first failing rate, then bisects towards the capacity', async () => {
    const result = await findMaxRate(system(300), options);
    expect(result.steps.map((step) => step.rate)).toEqual([100, 200, 400, 283, 336, 308]);
    expect(result.best?.rate).toBe(283);
    expect(result.lowestFailing?.rate).toBe(308);
  });

  it('returns the highest rate that held even when the last step tried failed', async () => {
    const result = await findMaxRate(system(1000), options);
    expect(result.best?.rate).toBeLessThan(1000);
    expect(result.lowestFailing?.rate).toBeGreaterThanOrEqual(1000);
    expect(result.lowestFailing!.rate / result.best!.rate).toBeLessThan(2 ** (1 / 8) + 0.01);
    for (const step of result.steps) {
      if (step.rate > result.best!.rate) expect(rateHolds(step, LIMIT)).toBe(false);
    }
  });

  it('fails a rate on errors alone, however fast the answers', async () => {
    const result = await findMaxRate(
      async (rate) => ({ rate, p95Ms: 1, errors: rate >= 800 ? 1 : 0, missed: 0, timedOut: 0 }),
      options,
    );
    expect(result.best?.rate).toBeGreaterThanOrEqual(400);
    expect(result.best?.rate).toBeLessThan(800);
  });

  it('ramps down when the first rate fails already, then bisects the same way', async () => {
    const result = await findMaxRate(system(60), options);
    expect(result.steps.map((step) => step.rate)).toEqual([100, 50, 71, 60, 55]);
    expect(result.best?.rate).toBe(55);
    expect(result.lowestFailing?.rate).toBe(60);
  });

  it('reports no rate when even the floor fails, and the ceiling when every rate holds', async () => {
    const none = await findMaxRate(system(4), options);
    expect(none.steps.map((step) => step.rate)).toEqual([100, 50, 25, 13, 7, 5]);
    expect(none.best).toBeUndefined();
    expect(none.lowestFailing?.rate).toBe(5);

    const all = await findMaxRate(system(1e9), { ...options, ceilingRate: 1000 });
    expect(all.steps.map((step) => step.rate)).toEqual([100, 200, 400, 800, 1000]);
    expect(all.best?.rate).toBe(1000);
    expect(all.lowestFailing).toBeUndefined();
  });

  it('stops bisecting once the rates that held and failed are adjacent', async () => {
    const result = await findMaxRate(system(2.5), { ...options, startRate: 1, bisections: 10 });
    expect(result.best?.rate).toBe(2);
    expect(result.lowestFailing?.rate).toBe(3);
  });
});
