import { allOf, anyOf, atLeast, built, fromSet, NONE } from './candidates';

const set = (...labels: number[]) => fromSet(new Set(labels));
const sorted = (labels: Set<number>) => [...labels].sort((a, b) => a - b);

describe('candidates', () => {
  it('copies a set when built', () => {
    const posting = new Set([1, 2]);
    const built = fromSet(posting).build();
    built.add(3);
    expect(posting.has(3)).toBe(false);
    expect(fromSet(undefined)).toBe(NONE);
  });

  it('intersects by building the smallest member only', () => {
    const big = built({
      size: 1000,
      has: (label: number) => label % 2 === 0,
      build: () => {
        throw new Error('built the big one');
      },
    });
    const plan = allOf([big, set(1, 2, 4, 7)]);
    expect(plan.size).toBe(4);
    expect(sorted(plan.build())).toEqual([2, 4]);
    expect(plan.has(4)).toBe(true);
    expect(plan.has(7)).toBe(false);
  });

  it('unites', () => {
    const plan = anyOf([set(1, 2), set(2, 3)]);
    expect(plan.size).toBe(4);
    expect(sorted(plan.build())).toEqual([1, 2, 3]);
    expect(plan.has(3)).toBe(true);
    expect(plan.has(4)).toBe(false);
  });

  it('keeps labels in at least `count` members', () => {
    const plan = atLeast([set(1, 2, 3), set(2, 3), set(3, 4)], 2);
    expect(sorted(plan.build())).toEqual([2, 3]);
    expect(plan.has(4)).toBe(false);
    expect(sorted(atLeast([set(1), set(2)], 1).build())).toEqual([1, 2]);
  });
});
