import { ReservoirSample } from './reservoir-sample';
import { seededRandom } from './seeded-random';

describe('ReservoirSample', () => {
  it('keeps everything while the stream fits', () => {
    const sample = new ReservoirSample<number>(5, seededRandom(1));
    [1, 2, 3].forEach((n) => sample.add(n));
    expect(sample.items).toEqual([1, 2, 3]);
    expect(sample.sampled).toBe(false);
    expect(sample.total).toBe(3);
  });

  it('keeps exactly the capacity from a longer stream, the same items for the same seed', () => {
    const take = (seed: number) => {
      const sample = new ReservoirSample<number>(100, seededRandom(seed));
      for (let n = 0; n < 10_000; n++) sample.add(n);
      return sample;
    };
    const first = take(7);
    expect(first.items).toHaveLength(100);
    expect(new Set(first.items).size).toBe(100);
    expect(first.sampled).toBe(true);
    expect(first.total).toBe(10_000);
    expect(take(7).items).toEqual(first.items);
    expect(take(8).items).not.toEqual(first.items);
  });

  it('samples uniformly: each half of the stream gives about half the sample', () => {
    const sample = new ReservoirSample<number>(2000, seededRandom(3));
    for (let n = 0; n < 20_000; n++) sample.add(n);
    const early = sample.items.filter((n) => n < 10_000).length;
    expect(early).toBeGreaterThan(900);
    expect(early).toBeLessThan(1100);
  });
});

describe('seededRandom', () => {
  it('gives numbers in [0, 1) that repeat for a seed', () => {
    const a = seededRandom(42);
    const values = Array.from({ length: 1000 }, () => a());
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    const b = seededRandom(42);
    expect(Array.from({ length: 1000 }, () => b())).toEqual(values);
  });
});
