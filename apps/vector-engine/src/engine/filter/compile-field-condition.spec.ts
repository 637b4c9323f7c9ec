// Field conditions, evaluated through compileFilter as the engine does.
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

describe('match value', () => {
  it('compares strings, integers and booleans exactly and by type', () => {
    expect(accepts(field('a', { match: { value: 'x' } }), { a: 'x' })).toBe(true);
    expect(accepts(field('a', { match: { value: 'x' } }), { a: 'X' })).toBe(false);
    expect(accepts(field('a', { match: { value: 1 } }), { a: 1 })).toBe(true);
    expect(accepts(field('a', { match: { value: 1 } }), { a: '1' })).toBe(false);
    expect(accepts(field('a', { match: { value: 1 } }), { a: true })).toBe(false);
    expect(accepts(field('a', { match: { value: 1 } }), { a: 1.5 })).toBe(false);
    expect(accepts(field('a', { match: { value: true } }), { a: true })).toBe(true);
    expect(accepts(field('a', { match: { value: true } }), { a: 1 })).toBe(false);
    expect(accepts(field('a', { match: { value: 'x' } }), {})).toBe(false);
  });

  it('matches when any element of an array does', () => {
    expect(accepts(field('tags', { match: { value: 'b' } }), { tags: ['a', 'b'] })).toBe(true);
    expect(accepts(field('tags', { match: { value: 'c' } }), { tags: ['a', 'b'] })).toBe(false);
    // Arrays inside arrays are not flattened further.
    expect(accepts(field('tags', { match: { value: 'b' } }), { tags: [['b']] })).toBe(false);
  });

  it('reads nested keys', () => {
    const payload = {
      country: {
        name: 'Germany',
        cities: [{ name: 'Berlin', sights: ['Reichstag'] }, { name: 'Munich' }],
      },
    };
    expect(accepts(field('country.name', { match: { value: 'Germany' } }), payload)).toBe(true);
    expect(accepts(field('country.cities[].name', { match: { value: 'Munich' } }), payload)).toBe(
      true,
    );
    expect(accepts(field('country.cities[0].name', { match: { value: 'Munich' } }), payload)).toBe(
      false,
    );
    expect(accepts(field('country.cities[1].name', { match: { value: 'Munich' } }), payload)).toBe(
      true,
    );
    expect(
      accepts(field('country.cities[].sights', { match: { value: 'Reichstag' } }), payload),
    ).toBe(true);
    expect(accepts(field('country.cities.name', { match: { value: 'Munich' } }), payload)).toBe(
      false,
    );
  });

  it('reads quoted keys and ignores inherited properties', () => {
    expect(accepts(field('"a.b"', { match: { value: 1 } }), { 'a.b': 1 })).toBe(true);
    expect(accepts(field('constructor', { is_empty: true }), {})).toBe(true);
    expect(accepts(field('constructor', { values_count: { gt: 0 } }), {})).toBe(false);
  });
});

describe('match any and except', () => {
  it('matches any listed value of the same type', () => {
    const any = field('a', { match: { any: ['x', 'y'] } });
    expect(accepts(any, { a: 'y' })).toBe(true);
    expect(accepts(any, { a: ['z', 'x'] })).toBe(true);
    expect(accepts(any, { a: 'z' })).toBe(false);
    expect(accepts(field('a', { match: { any: [1, 2] } }), { a: 2 })).toBe(true);
    expect(accepts(field('a', { match: { any: [1, 2] } }), { a: '2' })).toBe(false);
    expect(accepts(field('a', { match: { any: [] } }), { a: 'x' })).toBe(false);
  });

  it('matches a value not in the except list, as Qdrant does', () => {
    const except = field('a', { match: { except: ['x', 'y'] } });
    expect(accepts(except, { a: 'z' })).toBe(true);
    expect(accepts(except, { a: 'x' })).toBe(false);
    // One element outside the list is enough.
    expect(accepts(except, { a: ['x', 'z'] })).toBe(true);
    expect(accepts(except, { a: ['x', 'y'] })).toBe(false);
    // Another type is never in the list; null, a missing field and [] have no value at all.
    expect(accepts(except, { a: 5 })).toBe(true);
    expect(accepts(except, { a: true })).toBe(true);
    expect(accepts(except, { a: { b: 1 } })).toBe(true);
    expect(accepts(except, { a: null })).toBe(false);
    expect(accepts(except, {})).toBe(false);
    expect(accepts(except, { a: [] })).toBe(false);
    expect(accepts(except, { a: [null] })).toBe(false);
    expect(accepts(field('a', { match: { except: [1] } }), { a: 1.5 })).toBe(true);
    expect(accepts(field('a', { match: { except: [1] } }), { a: 1 })).toBe(false);
    expect(accepts(field('a', { match: { except: [] } }), { a: 1 })).toBe(true);
  });

  it('compares UUIDs when the field has a uuid index', () => {
    const options: CompileOptions = { uuidIndexed: (key) => key === 'u' };
    const upper = UUID.toUpperCase();
    expect(accepts(field('u', { match: { value: upper } }), { u: UUID }, options)).toBe(true);
    expect(accepts(field('u', { match: { value: UUID } }), { u: upper }, options)).toBe(true);
    expect(accepts(field('u', { match: { any: [upper] } }), { u: UUID }, options)).toBe(true);
    expect(accepts(field('u', { match: { except: [upper] } }), { u: UUID }, options)).toBe(false);
    expect(accepts(field('u', { match: { value: upper } }), { u: UUID })).toBe(false);
    expect(accepts(field('u', { match: { value: 'plain' } }), { u: 'plain' }, options)).toBe(true);
  });
});

describe('text matches without a full-text index', () => {
  it('tests substrings for text and phrase', () => {
    expect(
      accepts(field('t', { match: { text: 'quick brown' } }), { t: 'the quick brown fox' }),
    ).toBe(true);
    expect(
      accepts(field('t', { match: { text: 'brown quick' } }), { t: 'the quick brown fox' }),
    ).toBe(false);
    expect(accepts(field('t', { match: { text: 'ick bro' } }), { t: 'the quick brown fox' })).toBe(
      true,
    );
    expect(
      accepts(field('t', { match: { phrase: 'quick brown' } }), { t: 'the quick brown fox' }),
    ).toBe(true);
    expect(accepts(field('t', { match: { text: 'fox' } }), { t: ['a cat', 'a fox'] })).toBe(true);
    expect(accepts(field('t', { match: { text: 'fox' } }), { t: 5 })).toBe(false);
  });

  it('tests each word of text_any', () => {
    expect(accepts(field('t', { match: { text_any: 'cat  fox' } }), { t: 'a fox' })).toBe(true);
    expect(accepts(field('t', { match: { text_any: 'cat dog' } }), { t: 'a fox' })).toBe(false);
    expect(accepts(field('t', { match: { text_any: '  ' } }), { t: 'a fox' })).toBe(false);
  });

  it('tests prefixes case-sensitively', () => {
    expect(accepts(field('k', { match: { prefix: 'ab' } }), { k: 'abc' })).toBe(true);
    expect(accepts(field('k', { match: { prefix: 'AB' } }), { k: 'abc' })).toBe(false);
    expect(accepts(field('k', { match: { prefix: '' } }), { k: 1 })).toBe(false);
  });
});

describe('text matches with a full-text index', () => {
  const tokenize = (text: string) => text.toLowerCase().split(/\W+/).filter(Boolean);
  const options: CompileOptions = { textTokenizer: (key) => (key === 't' ? tokenize : undefined) };
  const doc = { t: 'The quick brown Fox jumps' };

  it('requires every query token for text', () => {
    expect(accepts(field('t', { match: { text: 'fox QUICK' } }), doc, options)).toBe(true);
    expect(accepts(field('t', { match: { text: 'fox' } }), doc, options)).toBe(true);
    expect(accepts(field('t', { match: { text: 'fox cat' } }), doc, options)).toBe(false);
    // Tokens, not substrings.
    expect(accepts(field('t', { match: { text: 'qui' } }), doc, options)).toBe(false);
    expect(accepts(field('t', { match: { text: '...' } }), doc, options)).toBe(false);
  });

  it('requires one query token for text_any', () => {
    expect(accepts(field('t', { match: { text_any: 'cat fox' } }), doc, options)).toBe(true);
    expect(accepts(field('t', { match: { text_any: 'cat dog' } }), doc, options)).toBe(false);
  });

  it('requires the tokens in order for phrase', () => {
    expect(accepts(field('t', { match: { phrase: 'brown fox' } }), doc, options)).toBe(true);
    expect(accepts(field('t', { match: { phrase: 'fox brown' } }), doc, options)).toBe(false);
    expect(accepts(field('t', { match: { phrase: 'quick fox' } }), doc, options)).toBe(false);
  });

  it('asks the tokenizer for query or document tokens', () => {
    const kinds: (string | undefined)[] = [];
    const spy = (text: string, kind?: 'query' | 'document') => {
      kinds.push(kind);
      return tokenize(text);
    };
    compileFilter(field('t', { match: { text: 'fox' } }), { textTokenizer: () => spy })(point(doc));
    expect(kinds).toEqual(['query', 'document']);
  });
});

describe('range', () => {
  it('compares numbers, integers and floats alike', () => {
    const range = field('n', { range: { gt: 1, lte: 3 } });
    expect(accepts(range, { n: 1 })).toBe(false);
    expect(accepts(range, { n: 1.5 })).toBe(true);
    expect(accepts(range, { n: 3 })).toBe(true);
    expect(accepts(range, { n: 3.01 })).toBe(false);
    expect(accepts(range, { n: [0, 2] })).toBe(true);
    expect(accepts(range, { n: '2' })).toBe(false);
    expect(accepts(range, { n: true })).toBe(false);
    expect(accepts(range, {})).toBe(false);
  });
});

describe('datetime range', () => {
  const filter = field('d', { range: { gte: '2024-01-01T00:00:00Z', lt: '2024-01-02' } });

  it.each([
    ['2024-01-01T00:00:00Z', true],
    ['2024-01-01', true],
    ['2024-01-01 12:30', true],
    ['2024-01-01T23:59:59.999999Z', true],
    ['2024-01-02T00:00:00Z', false],
    ['2024-01-02T00:30:00+01:00', true],
    ['2023-12-31T23:30:00-01:00', true],
    ['2023-12-31T23:59:59Z', false],
    ['not a date', false],
  ])('%s is in range: %s', (value, expected) => {
    expect(accepts(filter, { d: value })).toBe(expected);
  });

  it('ignores values that are not strings and matches any element of an array', () => {
    expect(accepts(filter, { d: 1704067200 })).toBe(false);
    expect(accepts(filter, { d: ['1999-01-01', '2024-01-01T10:00:00Z'] })).toBe(true);
  });
});

describe('geo conditions', () => {
  const berlin = { lon: 13.404954, lat: 52.520008 };
  const moscow = { lon: 37.6173, lat: 55.755826 };

  it('matches points within the radius', () => {
    const near = field('loc', { geo_radius: { center: { lon: 13.41, lat: 52.52 }, radius: 1000 } });
    expect(accepts(near, { loc: berlin })).toBe(true);
    expect(accepts(near, { loc: moscow })).toBe(false);
    expect(accepts(near, { loc: [moscow, berlin] })).toBe(true);
    expect(accepts(near, { loc: { lon: '13.41', lat: 52.52 } })).toBe(false);
    expect(accepts(near, { loc: [13.41, 52.52] })).toBe(false);
  });

  it('matches points in the bounding box', () => {
    const box = field('loc', {
      geo_bounding_box: { top_left: { lon: 13, lat: 53 }, bottom_right: { lon: 14, lat: 52 } },
    });
    expect(accepts(box, { loc: berlin })).toBe(true);
    expect(accepts(box, { loc: moscow })).toBe(false);
  });

  it('matches points in the polygon but not in its holes', () => {
    const ring = (a: number, b: number) => ({
      points: [
        { lon: a, lat: a },
        { lon: b, lat: a },
        { lon: b, lat: b },
        { lon: a, lat: b },
        { lon: a, lat: a },
      ],
    });
    const polygon = field('loc', {
      geo_polygon: { exterior: ring(0, 10), interiors: [ring(4, 6)] },
    });
    expect(accepts(polygon, { loc: { lon: 2, lat: 2 } })).toBe(true);
    expect(accepts(polygon, { loc: { lon: 5, lat: 5 } })).toBe(false);
    expect(accepts(polygon, { loc: { lon: 12, lat: 5 } })).toBe(false);
  });
});

describe('values_count', () => {
  it('counts the values at the key', () => {
    const two = field('a', { values_count: { gte: 2 } });
    expect(accepts(two, { a: [1, 2] })).toBe(true);
    expect(accepts(two, { a: [1] })).toBe(false);
    expect(accepts(two, { a: 'x' })).toBe(false);
    expect(accepts(field('a', { values_count: { lt: 1 } }), {})).toBe(true);
    expect(accepts(field('a', { values_count: { lt: 1 } }), { a: null })).toBe(true);
    expect(accepts(field('a', { values_count: { lt: 1 } }), { a: [] })).toBe(true);
    expect(accepts(field('a', { values_count: { gt: 0 } }), { a: { x: 1 } })).toBe(true);
  });

  it('counts each value the key reaches on its own, as Qdrant does', () => {
    const payload = { arr: [{ a: [1, 2, 3] }, { a: 4 }] };
    expect(accepts(field('arr[].a', { values_count: { gte: 3 } }), payload)).toBe(true);
    expect(accepts(field('arr[].a', { values_count: { gte: 4 } }), payload)).toBe(false);
    expect(accepts(field('arr[].a', { values_count: { gt: 1, lt: 3 } }), payload)).toBe(false);
  });
});

describe('is_empty and is_null', () => {
  it.each<[Record<string, unknown>, boolean]>([
    [{}, true],
    [{ a: null }, true],
    [{ a: [] }, true],
    [{ a: [null] }, false],
    [{ a: 0 }, false],
    [{ a: '' }, false],
    [{ a: {} }, false],
    [{ a: [1] }, false],
  ])('is_empty of %j is %s', (payload, expected) => {
    expect(accepts({ must: [{ is_empty: { key: 'a' } }] }, payload)).toBe(expected);
    expect(accepts(field('a', { is_empty: true }), payload)).toBe(expected);
    expect(accepts(field('a', { is_empty: false }), payload)).toBe(!expected);
  });

  it('is_empty over several values needs all of them empty', () => {
    const filter = { must: [{ is_empty: { key: 'x[].a' } }] };
    expect(accepts(filter, { x: [{ a: [] }, { a: null }, {}] })).toBe(true);
    expect(accepts(filter, { x: [{ a: [] }, { a: 1 }] })).toBe(false);
  });

  it.each<[Record<string, unknown>, boolean]>([
    [{ a: null }, true],
    [{}, false],
    [{ a: [] }, false],
    [{ a: [null] }, false],
    [{ a: 0 }, false],
  ])('is_null of %j is %s', (payload, expected) => {
    expect(accepts({ must: [{ is_null: { key: 'a' } }] }, payload)).toBe(expected);
  });

  it('the field-condition is_null also sees null inside an array, as in Qdrant', () => {
    expect(accepts(field('a', { is_null: true }), { a: [1, null] })).toBe(true);
    expect(accepts(field('a', { is_null: true }), { a: null })).toBe(true);
    expect(accepts(field('a', { is_null: true }), {})).toBe(false);
    expect(accepts(field('a', { is_null: false }), {})).toBe(true);
    expect(accepts(field('a', { is_null: false }), { a: 1 })).toBe(true);
  });
});

describe('field conditions with several conditions', () => {
  it('holds when any of them holds, as in Qdrant', () => {
    const filter = field('a', { match: { value: 'x' }, range: { gt: 10 } });
    expect(accepts(filter, { a: 'x' })).toBe(true);
    expect(accepts(filter, { a: 11 })).toBe(true);
    expect(accepts(filter, { a: 5 })).toBe(false);
  });
});
