import { compileFilter, type CompileOptions, type FilterablePoint } from './compile-filter';

const UUID = '550e8400-e29b-41d4-a716-446655440000';

function point(
  payload: Record<string, unknown>,
  extra: Partial<FilterablePoint> = {},
): FilterablePoint {
  return { id: 1, payload, ...extra };
}

/** Whether `filter` accepts a point with `payload`. */
function accepts(
  filter: unknown,
  payload: Record<string, unknown>,
  options?: CompileOptions,
): boolean {
  return compileFilter(filter, options)(point(payload));
}

const field = (key: string, condition: Record<string, unknown>) => ({
  must: [{ key, ...condition }],
});

describe('clauses', () => {
  const red = { key: 'color', match: { value: 'red' } };
  const london = { key: 'city', match: { value: 'London' } };

  it.each([undefined, null, {}, { must: [] }, { must: null, should: null, must_not: null }])(
    'matches every point for %j',
    (filter) => {
      expect(accepts(filter, {})).toBe(true);
    },
  );

  it('requires every must condition', () => {
    expect(accepts({ must: [red, london] }, { color: 'red', city: 'London' })).toBe(true);
    expect(accepts({ must: [red, london] }, { color: 'red', city: 'Berlin' })).toBe(false);
  });

  it('accepts a single condition instead of an array', () => {
    expect(accepts({ must: red }, { color: 'red' })).toBe(true);
    expect(accepts({ must_not: red }, { color: 'red' })).toBe(false);
  });

  it('requires one should condition, unless should is empty', () => {
    expect(accepts({ should: [red, london] }, { city: 'London' })).toBe(true);
    expect(accepts({ should: [red, london] }, { city: 'Paris' })).toBe(false);
    expect(accepts({ should: [] }, { city: 'Paris' })).toBe(true);
  });

  it('rejects any must_not condition', () => {
    expect(accepts({ must_not: [red, london] }, { color: 'blue', city: 'Paris' })).toBe(true);
    expect(accepts({ must_not: [red, london] }, { color: 'blue', city: 'London' })).toBe(false);
  });

  it('requires min_count of the min_should conditions', () => {
    const big = { key: 'size', range: { gte: 10 } };
    const filter = { min_should: { conditions: [red, london, big], min_count: 2 } };
    expect(accepts(filter, { color: 'red', size: 11 })).toBe(true);
    expect(accepts(filter, { color: 'red', size: 9 })).toBe(false);
    expect(accepts({ min_should: { conditions: [red], min_count: 2 } }, { color: 'red' })).toBe(
      false,
    );
  });

  it('combines all clauses', () => {
    const filter = {
      must: [red],
      should: [london],
      must_not: [{ key: 'sold', match: { value: true } }],
    };
    expect(accepts(filter, { color: 'red', city: 'London', sold: false })).toBe(true);
    expect(accepts(filter, { color: 'red', city: 'London', sold: true })).toBe(false);
    expect(accepts(filter, { color: 'red', city: 'Paris' })).toBe(false);
  });

  it('evaluates filters nested as conditions', () => {
    const filter = { must: [{ should: [red, { must: [london, { must_not: [red] }] }] }] };
    expect(accepts(filter, { color: 'red' })).toBe(true);
    expect(accepts(filter, { city: 'London', color: 'blue' })).toBe(true);
    expect(accepts(filter, { city: 'Paris', color: 'blue' })).toBe(false);
  });
});

describe('conditions on the point', () => {
  it('has_id compares integers and UUIDs in any case and form', () => {
    const filter = { must: [{ has_id: [1, UUID.toUpperCase()] }] };
    const predicate = compileFilter(filter);
    expect(predicate({ id: 1, payload: {} })).toBe(true);
    expect(predicate({ id: 2, payload: {} })).toBe(false);
    expect(predicate({ id: UUID, payload: {} })).toBe(true);
    expect(predicate({ id: UUID.toUpperCase(), payload: {} })).toBe(true);
    expect(predicate({ id: `{${UUID}}`, payload: {} })).toBe(true);
    expect(predicate({ id: '1', payload: {} })).toBe(false);
    expect(compileFilter({ must: [{ has_id: [] }] })({ id: 1, payload: {} })).toBe(false);
  });

  it('has_vector looks at the point vector names', () => {
    const predicate = compileFilter({ must: [{ has_vector: 'image' }] });
    expect(predicate({ id: 1, payload: {}, vectorNames: ['text', 'image'] })).toBe(true);
    expect(predicate({ id: 1, payload: {}, vectorNames: ['text'] })).toBe(false);
    expect(predicate({ id: 1, payload: {} })).toBe(false);
    expect(
      compileFilter({ must: [{ has_vector: '' }] })({ id: 1, payload: {}, vectorNames: [''] }),
    ).toBe(true);
  });

  it('slice splits the ids into disjoint slices', () => {
    const slices = [0, 1, 2].map((index) =>
      compileFilter({ must: [{ slice: { total: 3, index } }] }),
    );
    for (let id = 0; id < 300; id++) {
      const hits = slices.filter((predicate) => predicate({ id, payload: {} }));
      expect(hits).toHaveLength(1);
    }
    // 0xe849e8bb6ffe2567 mod 4 = 3: Qdrant's contract value for id 0.
    expect(
      compileFilter({ must: [{ slice: { total: 4, index: 3 } }] })({ id: 0, payload: {} }),
    ).toBe(true);
  });
});

describe('nested', () => {
  const payload = {
    diet: [
      { food: 'meat', likes: true },
      { food: 'leaves', likes: false },
    ],
  };

  it('requires the inner filter to match within one element', () => {
    const nested = (food: string, likes: boolean) => ({
      must: [
        {
          nested: {
            key: 'diet',
            filter: {
              must: [
                { key: 'food', match: { value: food } },
                { key: 'likes', match: { value: likes } },
              ],
            },
          },
        },
      ],
    });
    expect(accepts(nested('meat', true), payload)).toBe(true);
    expect(accepts(nested('meat', false), payload)).toBe(false);
    // Without nested, the two conditions may hold in different elements.
    const flat = {
      must: [
        field('diet[].food', { match: { value: 'meat' } }).must[0],
        field('diet[].likes', { match: { value: false } }).must[0],
      ],
    };
    expect(accepts(flat, payload)).toBe(true);
  });

  it('accepts the key with [] and nests inside nested', () => {
    const inner = { nested: { key: 'b', filter: { must: [{ key: 'c', match: { value: 1 } }] } } };
    const filter = { must: [{ nested: { key: 'a[]', filter: { must: [inner] } } }] };
    expect(accepts(filter, { a: [{ b: [{ c: 2 }] }, { b: [{ c: 1 }] }] })).toBe(true);
    expect(accepts(filter, { a: [{ b: [{ c: 2 }] }] })).toBe(false);
  });

  it('skips elements that are not objects and keys that are not arrays', () => {
    const filter = {
      must: [{ nested: { key: 'a', filter: { must: [{ key: 'b', match: { value: 1 } }] } } }],
    };
    expect(accepts(filter, { a: [1, null, 'x', [{ b: 1 }]] })).toBe(false);
    expect(accepts(filter, { a: { b: 1 } })).toBe(false);
    expect(accepts(filter, {})).toBe(false);
    expect(accepts({ must_not: filter.must }, {})).toBe(true);
  });

  it('never matches point conditions inside, as in Qdrant', () => {
    const filter = { must: [{ nested: { key: 'a', filter: { must: [{ has_id: [1] }] } } }] };
    expect(accepts(filter, { a: [{}] })).toBe(false);
    const vector = {
      must: [{ nested: { key: 'a', filter: { must_not: [{ has_vector: 'v' }] } } }],
    };
    expect(compileFilter(vector)(point({ a: [{}] }, { vectorNames: ['v'] }))).toBe(true);
  });

  it('looks up indexes inside with the full key', () => {
    const keys: string[] = [];
    const options: CompileOptions = {
      textTokenizer: (key) => {
        keys.push(key);
        return undefined;
      },
    };
    compileFilter(
      { must: [{ nested: { key: 'a', filter: { must: [{ key: 'b', match: { text: 'x' } }] } } }] },
      options,
    );
    expect(keys).toEqual(['a[].b']);
  });
});
