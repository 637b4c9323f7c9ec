import { FilterError } from '../filter/filter-error';
import { PayloadIndexError } from './payload-index-error';
import { PayloadIndexSet } from './payload-index-set';

const UUID = '550e8400-e29b-41d4-a716-446655440000';

function indexed(
  fields: Record<string, Parameters<PayloadIndexSet['create']>[1]>,
  payloads: Record<string, unknown>[],
) {
  const set = new PayloadIndexSet();
  for (const [field, type] of Object.entries(fields)) set.create(field, type);
  payloads.forEach((payload, label) => set.add(label, payload));
  return set;
}

const sorted = (labels: Set<number> | undefined) =>
  labels ? [...labels].sort((a, b) => a - b) : labels;

describe('PayloadIndexSet lifecycle', () => {
  it('creates, replaces and drops indexes', () => {
    const set = new PayloadIndexSet();
    set.create('city', 'keyword');
    expect(set.has('city')).toBe(true);
    set.add(0, { city: 'Berlin' });
    set.create('city', 'text', { type: 'text', tokenizer: 'word' });
    expect(set.schema()).toEqual({
      city: { data_type: 'text', params: { type: 'text', tokenizer: 'word' }, points: 0 },
    });
    expect(set.drop('city')).toBe(true);
    expect(set.drop('city')).toBe(false);
    expect(set.has('city')).toBe(false);
  });

  it('counts points with a value of the index type in the schema', () => {
    const set = indexed(
      {
        n: 'integer',
        f: 'float',
        k: 'keyword',
        b: 'bool',
        d: 'datetime',
        g: 'geo',
        u: 'uuid',
        t: 'text',
      },
      [
        {
          n: 1,
          f: 1.5,
          k: 'a',
          b: true,
          d: '2024-01-01',
          g: { lon: 1, lat: 2 },
          u: UUID,
          t: 'hello',
        },
        { n: 1.5, f: 'x', k: 5, b: 'true', d: 'nope', g: [1, 2], u: 'nope', t: '...' },
        { n: [2, 3], k: ['a', 'b'], b: [false] },
      ],
    );
    const points = Object.fromEntries(
      Object.entries(set.schema()).map(([field, info]) => [field, info.points]),
    );
    expect(points).toEqual({ n: 2, f: 1, k: 2, b: 2, d: 1, g: 1, u: 1, t: 1 });
    expect(set.schema().n).toEqual({ data_type: 'integer', points: 2 });
  });

  it('replaces a label on add and forgets it on remove', () => {
    const set = indexed({ k: 'keyword' }, [{ k: 'a' }]);
    set.add(0, { k: 'b' });
    expect(sorted(set.candidates({ must: { key: 'k', match: { value: 'a' } } }))).toEqual([]);
    expect(sorted(set.candidates({ must: { key: 'k', match: { value: 'b' } } }))).toEqual([0]);
    set.remove(0, { k: 'b' });
    expect(set.schema().k.points).toBe(0);
  });

  it.each<[string, string, Record<string, unknown> | undefined, string]>([
    ['a..b', 'keyword', undefined, 'field_name: invalid payload key "a..b"'],
    [
      'a',
      'vector',
      undefined,
      'field_schema: unknown type "vector", expected one of keyword, integer, float, geo, text, bool, datetime, uuid',
    ],
    ['a', 'keyword', { type: 'integer' }, 'field_schema.type: expected "keyword", got "integer"'],
    [
      'a',
      'text',
      { type: 'text', tokenizer: 'ngram' },
      'field_schema.tokenizer: expected one of prefix, whitespace, word, multilingual, got "ngram"',
    ],
    [
      'a',
      'text',
      { type: 'text', min_token_len: -1 },
      'field_schema.min_token_len: expected an unsigned integer, got a number',
    ],
    [
      'a',
      'text',
      { type: 'text', stopwords: 'klingon' },
      'field_schema.stopwords: expected one of arabic, azerbaijani, basque, bengali, catalan, chinese, danish, dutch, english, finnish, french, german, greek, hebrew, hinglish, hungarian, indonesian, italian, japanese, kazakh, nepali, norwegian, portuguese, romanian, russian, slovene, spanish, swedish, tajik, turkish, got "klingon"',
    ],
    [
      'a',
      'text',
      { type: 'text', stopwords: { custom: [1] } },
      'field_schema.stopwords.custom[0]: expected a string, got a number',
    ],
    [
      'a',
      'text',
      { type: 'text', stemmer: { type: 'snowball' } },
      'field_schema.stemmer.language: is required',
    ],
    [
      'a',
      'keyword',
      { type: 'keyword', is_tenant: 'yes' },
      'field_schema.is_tenant: expected a boolean, got "yes"',
    ],
    [
      'a',
      'keyword',
      { type: 'keyword', tokenizer: 'word' },
      'field_schema: unknown member "tokenizer", expected type, on_disk, memory, enable_hnsw, is_tenant, prefix',
    ],
    [
      'a',
      'integer',
      { type: 'integer', lookup: false, range: false },
      'field_schema: lookup and range cannot both be false',
    ],
    [
      'a',
      'float',
      { type: 'float', memory: 'disk' },
      'field_schema.memory: expected one of cold, cached, pinned, got "disk"',
    ],
  ])('rejects field %j of type %j with params %j', (field, type, params, message) => {
    const set = new PayloadIndexSet();
    const create = () => set.create(field, type as 'keyword', params);
    expect(create).toThrow(PayloadIndexError);
    expect(create).toThrow(message);
    expect(set.has(field)).toBe(false);
  });

  it('accepts full params and echoes them without nulls', () => {
    const set = new PayloadIndexSet();
    set.create('t', 'text', {
      type: 'text',
      tokenizer: 'prefix',
      min_token_len: 2,
      max_token_len: 10,
      lowercase: true,
      ascii_folding: false,
      phrase_matching: true,
      stopwords: { languages: ['english'], custom: ['foo'] },
      stemmer: { type: 'snowball', language: 'english' },
      on_disk: null,
      memory: 'pinned',
      enable_hnsw: true,
    });
    expect(set.schema().t.params).not.toHaveProperty('on_disk');
    expect(set.schema().t.params).toMatchObject({ tokenizer: 'prefix', memory: 'pinned' });
    set.create('k', 'keyword', { is_tenant: true, prefix: true });
    expect(set.schema().k.params).toEqual({ type: 'keyword', is_tenant: true, prefix: true });
  });
});

describe('PayloadIndexSet.candidates', () => {
  const payloads = [
    {
      k: 'red',
      n: 1,
      f: 0.5,
      b: true,
      d: '2024-01-01T00:00:00Z',
      u: UUID,
      t: 'Quick brown fox',
      g: { lon: 13.4, lat: 52.5 },
    },
    {
      k: ['green', 'blue'],
      n: 2.5,
      f: 2,
      b: false,
      d: '2024-06-01',
      u: UUID.toUpperCase(),
      t: 'lazy dog',
      g: { lon: 37.6, lat: 55.7 },
    },
    {
      k: 'reddish',
      n: [3, 4],
      f: -1,
      d: '2023-01-01',
      t: 'brown dog',
      items: [
        { tag: 'x', n: 1 },
        { tag: 'y', n: 2 },
      ],
    },
    { other: 1, items: [{ tag: 'y', n: 1 }] },
  ];
  const set = indexed(
    {
      k: 'keyword',
      n: 'integer',
      f: 'float',
      b: 'bool',
      d: 'datetime',
      u: 'uuid',
      t: 'text',
      g: 'geo',
      'items[].tag': 'keyword',
    },
    payloads,
  );
  const candidates = (filter: unknown) => sorted(set.candidates(filter));

  it.each<[string, unknown, number[] | undefined]>([
    ['no filter', undefined, undefined],
    ['an empty filter', {}, undefined],
    ['an unindexed field', { must: { key: 'other', match: { value: 1 } } }, undefined],
    ['a keyword', { must: { key: 'k', match: { value: 'blue' } } }, [1]],
    ['keywords', { must: { key: 'k', match: { any: ['red', 'blue', 'none'] } } }, [0, 1]],
    ['a keyword prefix', { must: { key: 'k', match: { prefix: 'red' } } }, [0, 2]],
    ['an integer on a keyword index', { must: { key: 'k', match: { value: 1 } } }, undefined],
    ['except', { must: { key: 'k', match: { except: ['red'] } } }, undefined],
    ['an integer', { must: { key: 'n', match: { value: 4 } } }, [2]],
    ['integers', { must: { key: 'n', match: { any: [1, 3] } } }, [0, 2]],
    [
      'an integer range, with the fraction stray',
      { must: { key: 'n', range: { gte: 3 } } },
      [1, 2],
    ],
    ['a float range', { must: { key: 'f', range: { gt: 0, lte: 2 } } }, [0, 1]],
    ['an integer on a float index', { must: { key: 'f', match: { value: 2 } } }, [1]],
    [
      'a datetime range on a numeric index',
      { must: { key: 'f', range: { gt: '2024-01-01' } } },
      undefined,
    ],
    ['a bool', { must: { key: 'b', match: { value: false } } }, [1]],
    [
      'a datetime range',
      { must: { key: 'd', range: { gte: '2024-01-01', lt: '2024-12-31T00:00:00+01:00' } } },
      [0, 1],
    ],
    ['a number range on a datetime index', { must: { key: 'd', range: { gte: 1 } } }, undefined],
    [
      'a UUID in another case',
      { must: { key: 'u', match: { value: `{${UUID.toUpperCase()}}` } } },
      [0, 1],
    ],
    ['a non-UUID string on a uuid index', { must: { key: 'u', match: { value: 'x' } } }, undefined],
    ['text tokens', { must: { key: 't', match: { text: 'Brown' } } }, [0, 2]],
    ['all text tokens', { must: { key: 't', match: { text: 'brown dog' } } }, [2]],
    ['an unknown text token', { must: { key: 't', match: { text: 'brown cat' } } }, []],
    ['no text tokens', { must: { key: 't', match: { text: '!!' } } }, []],
    ['any text token', { must: { key: 't', match: { text_any: 'fox cat dog' } } }, [0, 1, 2]],
    ['a phrase', { must: { key: 't', match: { phrase: 'brown dog' } } }, [2]],
    [
      'a geo radius',
      { must: { key: 'g', geo_radius: { center: { lon: 13.4, lat: 52.5 }, radius: 1000 } } },
      [0],
    ],
    [
      'a geo box',
      {
        must: {
          key: 'g',
          geo_bounding_box: { top_left: { lon: 30, lat: 60 }, bottom_right: { lon: 40, lat: 50 } },
        },
      },
      [1],
    ],
    ['values_count on an index', { must: { key: 'k', values_count: { gt: 1 } } }, undefined],
    ['is_empty on an index', { must: { key: 'k', is_empty: false } }, undefined],
    [
      'must, intersected',
      {
        must: [
          { key: 'k', match: { prefix: 'red' } },
          { key: 't', match: { text: 'dog' } },
        ],
      },
      [2],
    ],
    [
      'must with an unindexed part',
      {
        must: [
          { key: 'k', match: { value: 'red' } },
          { key: 'other', match: { value: 1 } },
        ],
      },
      [0],
    ],
    [
      'should, united',
      {
        should: [
          { key: 'k', match: { value: 'red' } },
          { key: 'b', match: { value: false } },
        ],
      },
      [0, 1],
    ],
    [
      'should with an unindexed part',
      { should: [{ key: 'k', match: { value: 'red' } }, { has_id: [3] }] },
      undefined,
    ],
    ['must_not alone', { must_not: { key: 'k', match: { value: 'red' } } }, undefined],
    [
      'min_should with one unindexed condition',
      {
        min_should: {
          conditions: [
            { key: 'k', match: { value: 'red' } },
            { key: 'f', range: { lt: 0 } },
            { has_id: [3] },
          ],
          min_count: 2,
        },
      },
      [0, 2],
    ],
    [
      'min_should needing two indexed conditions',
      {
        min_should: {
          conditions: [
            { key: 'k', match: { prefix: 'red' } },
            { key: 't', match: { text: 'brown' } },
            { key: 'b', match: { value: true } },
          ],
          min_count: 3,
        },
      },
      [0],
    ],
    [
      'min_should needing more than there are',
      { min_should: { conditions: [{ has_id: [1] }], min_count: 2 } },
      [],
    ],
    ['a filter as a condition', { must: { should: [{ key: 'k', match: { value: 'red' } }] } }, [0]],
    [
      'a nested condition, through array[].key indexes',
      {
        must: { nested: { key: 'items', filter: { must: { key: 'tag', match: { value: 'y' } } } } },
      },
      [2, 3],
    ],
    [
      'a field condition with two indexed parts',
      { must: { key: 'n', match: { value: 1 }, range: { gt: 3 } } },
      [0, 1, 2],
    ],
  ])('narrows %s', (_name, filter, expected) => {
    expect(candidates(filter)).toEqual(expected);
  });

  it('returns sets the caller may change', () => {
    const labels = set.candidates({ must: { key: 'k', match: { value: 'red' } } })!;
    labels.clear();
    expect(candidates({ must: { key: 'k', match: { value: 'red' } } })).toEqual([0]);
  });

  it('throws a FilterError for an invalid filter', () => {
    expect(() => set.candidates({ must: [{ key: 'k' }] })).toThrow(FilterError);
  });
});

describe('PayloadIndexSet.orderBy', () => {
  const set = indexed({ n: 'integer', d: 'datetime', k: 'keyword' }, [
    { n: 3, d: '2024-01-03' },
    { n: [1, 5], d: '2024-01-01' },
    { n: 2, d: '2024-01-02' },
  ]);

  it('orders labels by value, once per value', () => {
    expect([...set.orderBy('n', 'asc')]).toEqual([
      { label: 1, value: 1 },
      { label: 2, value: 2 },
      { label: 0, value: 3 },
      { label: 1, value: 5 },
    ]);
    expect([...set.orderBy('n', 'desc', 3)].map((entry) => entry.label)).toEqual([0, 2, 1]);
  });

  it('orders datetimes by their instant, from a datetime string', () => {
    const day = 86_400_000_000;
    const jan2 = Date.UTC(2024, 0, 2) * 1000;
    expect([...set.orderBy('d', 'asc', '2024-01-02T00:00:00Z')]).toEqual([
      { label: 2, value: jan2 },
      { label: 0, value: jan2 + day },
    ]);
  });

  it('needs a numeric or datetime index', () => {
    expect(() => set.orderBy('k', 'asc')).toThrow(PayloadIndexError);
    expect(() => set.orderBy('missing', 'asc')).toThrow(
      'order_by.key: no range index for "missing": create an integer, float or datetime index on it to order by it',
    );
    expect(() => set.orderBy('n', 'asc', 'soon')).toThrow(
      'order_by.start_from: expected a number or an RFC 3339 datetime, got "soon"',
    );
  });
});

describe('PayloadIndexSet filter options', () => {
  it('gives the tokenizer of text indexes only', () => {
    const set = indexed({ t: 'text', k: 'keyword' }, []);
    expect(set.textTokenizer('t')?.('Hello World')).toEqual(['hello', 'world']);
    expect(set.textTokenizer('k')).toBeUndefined();
    expect(set.textTokenizer('missing')).toBeUndefined();
  });

  it('tells uuid-indexed fields in its compile options', () => {
    const set = indexed({ u: 'uuid', t: 'text' }, []);
    const options = set.compileOptions();
    expect(options.uuidIndexed?.('u')).toBe(true);
    expect(options.uuidIndexed?.('t')).toBe(false);
    expect(options.textTokenizer?.('t')).toBe(set.textTokenizer('t'));
  });
});
