import { parseFilter } from './parse-filter';

describe('parseFilter', () => {
  it('reads a missing or null filter as no filter', () => {
    expect(parseFilter(undefined)).toBeUndefined();
    expect(parseFilter(null)).toBeUndefined();
  });

  it('reads one condition or an array in each clause', () => {
    const condition = { key: 'a', match: { value: 1 } };
    const node = parseFilter({ must: condition, should: [condition, condition], must_not: null });
    expect(node?.must).toHaveLength(1);
    expect(node?.should).toHaveLength(2);
    expect(node?.mustNot).toHaveLength(0);
  });

  it('keeps the tighter bound when a range gives both forms', () => {
    const node = parseFilter({ must: { key: 'a', range: { gt: 5, gte: 3, lt: 9, lte: 9 } } });
    expect(node?.must[0]).toMatchObject({
      range: {
        kind: 'number',
        bounds: { min: 5, minInclusive: false, max: 9, maxInclusive: false },
      },
    });
  });

  it('parses datetime bounds to microseconds', () => {
    const node = parseFilter({ must: { key: 'd', range: { gte: '1970-01-01T00:00:01Z' } } });
    expect(node?.must[0]).toMatchObject({
      range: { kind: 'datetime', bounds: { min: 1_000_000 } },
    });
  });

  it('appends [] to a nested key', () => {
    const node = parseFilter({ must: { nested: { key: 'items', filter: {} } } });
    expect(node?.must[0]).toMatchObject({ kind: 'nested', arrayKey: 'items[]' });
  });
});
