import { symmetricEigen } from './symmetric-eigen';

describe('symmetricEigen', () => {
  it('finds eigenpairs with A v = λ v, largest first', () => {
    const n = 12;
    const a = new Float64Array(n * n);
    let seed = 7;
    const random = (): number => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 2 - 1;
    for (let i = 0; i < n; i++) {
      for (let j = i; j < n; j++) a[i * n + j] = a[j * n + i] = random();
    }
    const { values, vectors } = symmetricEigen(a, n);
    for (let k = 0; k < n; k++) {
      if (k > 0) expect(values[k]).toBeLessThanOrEqual(values[k - 1]);
      let length = 0;
      for (let i = 0; i < n; i++) {
        let product = 0;
        for (let j = 0; j < n; j++) product += a[i * n + j] * vectors[k * n + j];
        expect(product).toBeCloseTo(values[k] * vectors[k * n + i], 9);
        length += vectors[k * n + i] ** 2;
      }
      expect(length).toBeCloseTo(1, 12);
    }
  });

  it('returns a diagonal matrix as it is', () => {
    const { values } = symmetricEigen(Float64Array.from([1, 0, 0, 0, 3, 0, 0, 0, 2]), 3);
    expect(Array.from(values)).toEqual([3, 2, 1]);
  });
});
