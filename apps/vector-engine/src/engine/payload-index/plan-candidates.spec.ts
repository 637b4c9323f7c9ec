import { FilterError } from '../filter/filter-error';
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
