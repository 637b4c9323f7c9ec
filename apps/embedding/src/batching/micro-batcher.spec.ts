import { MicroBatcher } from './micro-batcher';

describe('MicroBatcher', () => {
  it('merges concurrent requests into bounded batches and returns each result to its caller', async () => {
    const batches: number[][] = [];
    const batcher = new MicroBatcher<number, number>(
      async (items) => {
        batches.push(items);
        return items.map((x) => x * 10);
      },
      4,
      5,
    );
    const results = await Promise.all([1, 2, 3, 4, 5, 6].map((x) => batcher.submit(x)));
    expect(results).toEqual([10, 20, 30, 40, 50, 60]);
    expect(batches).toEqual([
      [1, 2, 3, 4],
      [5, 6],
    ]);
  });

  it('sends a lone request after the wait, not later', async () => {
    const batcher = new MicroBatcher<string, string>(async (items) => items, 64, 5);
    const started = Date.now();
    await expect(batcher.submit('x')).resolves.toBe('x');
    expect(Date.now() - started).toBeLessThan(100);
  });

  it('rejects every caller of a failed batch', async () => {
    const batcher = new MicroBatcher<number, number>(
      async () => {
        throw new Error('model crashed');
      },
      2,
      1,
    );
    await expect(Promise.all([batcher.submit(1), batcher.submit(2)])).rejects.toThrow(
      'model crashed',
    );
  });
});

describe('MicroBatcher timing', () => {
  it('sends a lone request in the same turn of the event loop when no batch is running', async () => {
    const batcher = new MicroBatcher<string, string>(async (items) => items, 64, 1000);
    const started = performance.now();
    await expect(batcher.submit('x')).resolves.toBe('x');
    // Far below the 1 s wait: nothing was running, so it did not wait for company.
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('gathers what arrives while a batch runs and sends it when that batch ends', async () => {
    const batches: string[][] = [];
    let finishFirst: () => void = () => undefined;
    const batcher = new MicroBatcher<string, string>(
      (items) => {
        batches.push(items);
        return batches.length === 1
          ? new Promise((resolve) => (finishFirst = () => resolve(items)))
          : Promise.resolve(items);
      },
      64,
      60_000,
    );
    const first = batcher.submit('a');
    await new Promise((resolve) => setImmediate(resolve));
    expect(batches).toEqual([['a']]);
    const later = [batcher.submit('b'), batcher.submit('c')];
    await new Promise((resolve) => setImmediate(resolve));
    expect(batches).toHaveLength(1); // b and c wait for the running batch
    finishFirst();
    await expect(Promise.all([first, ...later])).resolves.toEqual(['a', 'b', 'c']);
    expect(batches).toEqual([['a'], ['b', 'c']]);
  });
});
