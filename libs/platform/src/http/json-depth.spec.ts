import { MAX_JSON_DEPTH, nestsDeeperThan } from './json-depth';

/** `levels` arrays inside one another, built without recursion. */
function nestedArrays(levels: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < levels; i++) value = [value];
  return value;
}

describe('nestsDeeperThan', () => {
  it('counts each array or object as one level and primitives as none', () => {
    expect(nestsDeeperThan(7, 0)).toBe(false);
    expect(nestsDeeperThan(null, 0)).toBe(false);
    expect(nestsDeeperThan({}, 0)).toBe(true);
    expect(nestsDeeperThan({}, 1)).toBe(false);
    expect(nestsDeeperThan({ a: [{ b: 'x' }] }, 3)).toBe(false);
    expect(nestsDeeperThan({ a: [{ b: 'x' }] }, 2)).toBe(true);
  });

  it('accepts a body exactly at the limit and refuses one level more', () => {
    expect(nestsDeeperThan(nestedArrays(MAX_JSON_DEPTH), MAX_JSON_DEPTH)).toBe(false);
    expect(nestsDeeperThan(nestedArrays(MAX_JSON_DEPTH + 1), MAX_JSON_DEPTH)).toBe(true);
  });

  it('finds a deep branch beside shallow ones, wherever it is', () => {
    const body = { a: 1, b: [2, 3], c: { d: nestedArrays(MAX_JSON_DEPTH) }, e: 'x' };
    expect(nestsDeeperThan(body, MAX_JSON_DEPTH)).toBe(true);
  });

  it('walks 100,000 levels without overflowing the stack', () => {
    const levels = 100_000;
    const parsed: unknown = JSON.parse('['.repeat(levels) + ']'.repeat(levels));
    expect(nestsDeeperThan(parsed, MAX_JSON_DEPTH)).toBe(true);
    expect(nestsDeeperThan(parsed, levels)).toBe(false);
  });
});
