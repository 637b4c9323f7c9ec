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
