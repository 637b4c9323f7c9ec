import { NumericIndex } from './numeric-index';

const all = { min: -Infinity, minInclusive: true, max: Infinity, maxInclusive: true };

function numbers(): NumericIndex {
  return new NumericIndex((value) => (typeof value === 'number' ? value : undefined));
}

describe('NumericIndex', () => {
  it('answers ranges with inclusive and exclusive ends', () => {
    const index = numbers();
    [5, 1, 3, 3, 9].forEach((value, label) => index.add(label, [value]));
    const range = (min: number, minInclusive: boolean, max: number, maxInclusive: boolean) => {
      const plan = index.range({ min, minInclusive, max, maxInclusive });
      const labels = [...plan.build()].sort();
      // The size is exact here, and has() agrees with build() for every label.
      expect(plan.size).toBe(labels.length);
      for (let label = 0; label < 5; label++) expect(plan.has(label)).toBe(labels.includes(label));
      return labels;
    };
    expect(range(3, true, 5, true)).toEqual([0, 2, 3]);
    expect(range(3, false, 5, true)).toEqual([0]);
    expect(range(3, true, 5, false)).toEqual([2, 3]);
    expect(range(10, true, Infinity, true)).toEqual([]);
    expect(range(-Infinity, true, Infinity, true)).toEqual([0, 1, 2, 3, 4]);
  });

  it('merges writes made between reads', () => {
    const index = numbers();
    for (let label = 0; label < 100; label++) index.add(label, [label % 10]);
    expect(index.range({ min: 3, minInclusive: true, max: 3, maxInclusive: true }).size).toBe(10);
    index.remove(3);
    index.add(13, [7]);
    index.add(200, [3, 3, 4]);
    index.add(201, ['x']);
    expect(
      [...index.range({ min: 3, minInclusive: true, max: 3, maxInclusive: true }).build()].sort(
        (a, b) => a - b,
      ),
    ).toEqual([23, 33, 43, 53, 63, 73, 83, 93, 200]);
    expect(index.points).toBe(100);
  });

  it('orders values with their labels, once per distinct value', () => {
    const index = numbers();
    index.add(1, [10, 30, 30]);
    index.add(2, [20]);
    index.add(3, [20]);
    expect([...index.ordered('asc')]).toEqual([
      { label: 1, value: 10 },
      { label: 2, value: 20 },
      { label: 3, value: 20 },
      { label: 1, value: 30 },
    ]);
    expect([...index.ordered('desc')].map((entry) => entry.label)).toEqual([1, 3, 2, 1]);
    expect([...index.ordered('asc', 20)].map((entry) => entry.value)).toEqual([20, 20, 30]);
    expect([...index.ordered('desc', 20)].map((entry) => entry.value)).toEqual([20, 20, 10]);
    expect([...index.ordered('asc', 25)].map((entry) => entry.value)).toEqual([30]);
  });

  it('includes strays in ranges without ordering them', () => {
    const index = new NumericIndex(
      (value) => (Number.isInteger(value) ? (value as number) : undefined),
      (value) => typeof value === 'number',
    );
    index.add(1, [1.5]);
    index.add(2, [2]);
    expect([
      ...index.range({ min: 100, minInclusive: true, max: 200, maxInclusive: true }).build(),
    ]).toEqual([1]);
    expect([...index.ordered('asc')]).toEqual([{ label: 2, value: 2 }]);
    expect(index.points).toBe(1);
    index.remove(1);
    expect(index.range(all).has(1)).toBe(false);
    expect(index.range(all, false).has(2)).toBe(true);
  });
});
