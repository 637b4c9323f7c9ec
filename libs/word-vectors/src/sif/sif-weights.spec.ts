import { sifWeight, usifParameter, usifWeight } from './sif-weights';
import { zipfProbabilities } from './zipf-probabilities';

describe('zipfProbabilities', () => {
  it('sums to 1 and halves from rank 0 to rank 1 (exponent 1)', () => {
    const p = zipfProbabilities(1000);
    expect(p.reduce((sum, value) => sum + value, 0)).toBeCloseTo(1, 12);
    expect(p[0] / p[1]).toBeCloseTo(2, 12);
    expect(p[999]).toBeLessThan(p[998]);
  });
});

describe('SIF and uSIF weights', () => {
  it('give frequent words little weight and rare words nearly full weight', () => {
    const a = 1e-3;
    expect(sifWeight(a, a)).toBe(0.5);
    expect(sifWeight(0.05, a)).toBeLessThan(0.02);
    expect(sifWeight(1e-7, a)).toBeGreaterThan(0.999);
    expect(usifWeight(1e-9, a)).toBeCloseTo(2, 5);
    expect(usifWeight(0.05, a)).toBeLessThan(usifWeight(0.001, a));
  });

  it('derive uSIF a from the vocabulary: small, and smaller for longer walks', () => {
    const p = zipfProbabilities(341_479);
    const a11 = usifParameter(p, 11);
    expect(a11).toBeGreaterThan(1e-4);
    expect(a11).toBeLessThan(1e-2);
    expect(usifParameter(p, 30)).not.toBe(a11);
  });
});
