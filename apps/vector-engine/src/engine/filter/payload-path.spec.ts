import { FilterError } from './filter-error';
import { nestedArrayKey, parsePayloadKey, payloadValues, rawValues } from './payload-path';

describe('parsePayloadKey', () => {
  it('reads keys, indexes, wildcards and quoted keys', () => {
    expect(parsePayloadKey('foo[1][50].bar-baz[]."qux[.]quux"')).toEqual([
      { kind: 'key', name: 'foo' },
      { kind: 'index', index: 1 },
      { kind: 'index', index: 50 },
      { kind: 'key', name: 'bar-baz' },
      { kind: 'wildcard' },
      { kind: 'key', name: 'qux[.]quux' },
    ]);
    expect(parsePayloadKey('"a.b"')).toEqual([{ kind: 'key', name: 'a.b' }]);
    expect(parsePayloadKey('città_1')).toEqual([{ kind: 'key', name: 'città_1' }]);
  });

  it.each([
    '',
    '.a',
    'a.',
    'a..b',
    'a b',
    'a[',
    'a[x]',
    'a[-1]',
    '[0]',
    'a"b"',
    '"a',
    'a.[0]',
    'a.b]',
  ])('rejects %j', (key) => {
    expect(parsePayloadKey(key)).toBeUndefined();
  });
});

describe('payloadValues', () => {
  const payload = {
    name: 'John',
    counts: [1, 2, 3],
    address: { city: 'New York' },
    location: [
      { name: 'home', counts: [1, 2, 3] },
      { name: 'work', counts: [4, 5, 6] },
    ],
    nested: [{ empty: [] }, { empty: [] }, { empty: null }],
    the_null: null,
    the: { 'nested.key': 'cuckoo' },
    grid: [
      [1, 2],
      [3, 4],
    ],
  };

  it.each<[string, unknown[]]>([
    ['name', ['John']],
    ['address.city', ['New York']],
    ['address', [{ city: 'New York' }]],
    ['counts', [1, 2, 3]],
    ['location[].name', ['home', 'work']],
    ['location[0].name', ['home']],
    ['location[1].name', ['work']],
    ['location[2].name', []],
    ['location[].counts', [1, 2, 3, 4, 5, 6]],
    ['location[].name[0]', []],
    ['nested[].empty', [null]],
    ['the_null', [null]],
    ['the."nested.key"', ['cuckoo']],
    ['grid[][]', [1, 2, 3, 4]],
    ['grid[0][]', [1, 2]],
    ['grid[][1]', [2, 4]],
    [
      'grid',
      [
        [1, 2],
        [3, 4],
      ],
    ],
    ['missing', []],
    ['name.first', []],
    // As in Qdrant, a key step does not look inside arrays: `[]` is needed for that.
    ['location.name', []],
    ['constructor', []],
    ['toString', []],
  ])('%s gives %j', (key, expected) => {
    expect(payloadValues(payload, key)).toEqual(expected);
  });

  it('keeps leaf arrays whole in rawValues', () => {
    expect(rawValues(payload, [{ kind: 'key', name: 'counts' }])).toEqual([[1, 2, 3]]);
    expect(
      rawValues(payload, [
        { kind: 'key', name: 'nested' },
        { kind: 'wildcard' },
        { kind: 'key', name: 'empty' },
      ]),
    ).toEqual([[], [], null]);
  });

  it('throws a FilterError for an invalid key', () => {
    expect(() => payloadValues(payload, 'a..b')).toThrow(
      new FilterError('key', 'invalid payload key "a..b"'),
    );
  });
});

describe('nestedArrayKey', () => {
  it('appends [] once', () => {
    expect(nestedArrayKey('a.b')).toBe('a.b[]');
    expect(nestedArrayKey('a[]')).toBe('a[]');
  });
});
