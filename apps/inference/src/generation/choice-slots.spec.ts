import { runChoices } from './choice-slots';

describe('runChoices (n choices on the sequences a request holds)', () => {
  it('runs as many at once as there are slots, the rest after them, results in index order', async () => {
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const results = await runChoices(4, 2, new AbortController(), async (index) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 5 * (4 - index)));
      order.push(index);
      running--;
      return `choice ${index}`;
    });
    expect(results).toEqual(['choice 0', 'choice 1', 'choice 2', 'choice 3']);
    expect(most).toBe(2);
    expect(order).not.toEqual([0, 1, 2, 3]);
  });

  it('one after another on one slot', async () => {
    const order: number[] = [];
    await runChoices(3, 1, new AbortController(), async (index) => void order.push(index));
    expect(order).toEqual([0, 1, 2]);
  });

  it('stops the others at the first failure and rejects with it, starting no more choices', async () => {
    const stop = new AbortController();
    const started: number[] = [];
    const failure = new Error('no memory');
    await expect(
      runChoices(4, 2, stop, async (index) => {
        started.push(index);
        if (index === 0) throw failure;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }),
    ).rejects.toBe(failure);
    expect(stop.signal.aborted).toBe(true);
    expect(started).toEqual([0, 1]);
  });
});
