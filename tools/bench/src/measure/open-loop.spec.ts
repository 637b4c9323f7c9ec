import { dueCount, openLoop, scheduledCount, scheduledOffsetMs } from './open-loop';

describe('the open-loop schedule', () => {
  it('spaces requests evenly at the rate, whatever the answers do', () => {
    expect([0, 1, 2, 3].map((i) => scheduledOffsetMs(i, 250))).toEqual([0, 4, 8, 12]);
    expect(scheduledCount(300, 4000)).toBe(1200);
    expect(scheduledCount(0.1, 1000)).toBe(1);
  });

  it('makes request i due at exactly its own offset, never a tick later', () => {
    for (const rate of [3, 7, 300, 1234.5]) {
      for (let i = 0; i < 500; i++)
        expect(dueCount(scheduledOffsetMs(i, rate), rate, 1_000_000)).toBe(i + 1);
    }
  });

  it('counts nothing due before the start and nothing past the schedule', () => {
    expect(dueCount(-1, 100, 10)).toBe(0);
    expect(dueCount(9.99, 100, 10)).toBe(1);
    expect(dueCount(60_000, 100, 10)).toBe(10);
  });
});

describe('openLoop', () => {
  it('sends every scheduled request and times it from its scheduled send time', async () => {
    const sent: number[] = [];
    const step = await openLoop(
      { rate: 500, durationMs: 100, maxInFlight: 100, drainMs: 1000 },
      (i) => {
        sent.push(i);
        return new Promise((resolve) => setTimeout(resolve, 5));
      },
    );
    expect(sent).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(step).toMatchObject({ scheduled: 50, completed: 50, errors: 0, missed: 0, timedOut: 0 });
    expect(step.p50Ms).toBeGreaterThanOrEqual(4);
  });

  it('never waits for answers: past the in-flight cap arrivals are missed, not delayed', async () => {
    let calls = 0;
    const step = await openLoop(
      { rate: 1000, durationMs: 100, maxInFlight: 10, drainMs: 20 },
      () => {
        calls++;
        return new Promise<void>(() => undefined);
      },
    );
    expect(calls).toBe(10);
    expect(step).toMatchObject({ scheduled: 100, completed: 0, missed: 90, timedOut: 10 });
    expect(step.p95Ms).toBeNaN();
  });

  it('counts a failed send, thrown or rejected, as an error', async () => {
    const step = await openLoop(
      { rate: 200, durationMs: 50, maxInFlight: 100, drainMs: 1000 },
      (i) => {
        if (i % 3 === 0) throw new Error('refused');
        return i % 3 === 1 ? Promise.reject(new Error('503')) : Promise.resolve();
      },
    );
    expect(step).toMatchObject({ scheduled: 10, completed: 3, errors: 7, missed: 0, timedOut: 0 });
  });
});
