import { Prng } from './prng';

describe('Prng', () => {
  it('repeats the same sequence for the same seed, and not for another', () => {
    const draw = (seed: string): number[] => {
      const prng = new Prng(seed);
      return Array.from({ length: 5 }, () => prng.next());
    };
    expect(draw('a')).toEqual(draw('a'));
    expect(draw('a')).not.toEqual(draw('b'));
  });

  it('samples distinct indices within range', () => {
    const chosen = new Prng('sample').sample(1000, 300);
    expect(new Set(chosen).size).toBe(300);
    expect(chosen.every((i) => Number.isInteger(i) && i >= 0 && i < 1000)).toBe(true);
  });

  it('draws standard normal values', () => {
    const prng = new Prng('gaussian');
    const values = Array.from({ length: 20_000 }, () => prng.gaussian());
    const mean = values.reduce((sum, x) => sum + x, 0) / values.length;
    const variance = values.reduce((sum, x) => sum + (x - mean) ** 2, 0) / values.length;
    expect(Math.abs(mean)).toBeLessThan(0.05);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
  });
});
