import { compileFilter } from './compile-filter';
import { FilterError } from './filter-error';

function errorOf(filter: unknown, path?: string): FilterError {
  try {
    compileFilter(filter, { path });
  } catch (error) {
    if (error instanceof FilterError) return error;
    throw error;
  }
  throw new Error(`accepted ${JSON.stringify(filter)}`);
}

describe('invalid filters', () => {
  it.each<[string, unknown, string]>([
    ['a string filter', 'city', 'filter: expected an object, got a string'],
    ['an array filter', [], 'filter: expected an object, got an array'],
    ['a number filter', 5, 'filter: expected an object, got a number'],
    [
      'an unknown member',
      { must: [], mustnot: [] },
      'filter: unknown member "mustnot", expected must, should, must_not or min_should',
    ],
    [
      'a clause that is a string',
      { must: 'x' },
      'filter.must: expected a condition or an array of conditions, got a string',
    ],
    ['a null condition', { must: [null] }, 'filter.must[0]: expected a condition object, got null'],
    [
      'a numeric condition',
      { should: [1] },
      'filter.should[0]: expected a condition object, got a number',
    ],
    [
      'an unknown condition',
      { must: [{ foo: 1 }] },
      'filter.must[0]: unknown condition, expected a field condition ({"key": ...}), is_empty, is_null, has_id, has_vector, slice, nested or a filter',
    ],
    [
      'a non-string key',
      { must: [{ key: 5, match: { value: 1 } }] },
      'filter.must[0].key: expected a string, got a number',
    ],
    [
      'an invalid key',
      { must: [{ key: 'a..b', match: { value: 1 } }] },
      'filter.must[0].key: invalid payload key "a..b"',
    ],
    [
      'a field condition without a condition',
      { must: [{ key: 'a' }] },
      'filter.must[0]: expected one of match, range, geo_bounding_box, geo_radius, geo_polygon, values_count, is_empty, is_null',
    ],
    [
      'a match that is not an object',
      { must: [{ key: 'a', match: 'x' }] },
      'filter.must[0].match: expected an object, got a string',
    ],
    [
      'an empty match',
      { must: [{ key: 'a', match: {} }] },
      'filter.must[0].match: expected one of value, text, text_any, phrase, prefix, any, except',
    ],
    [
      'a match with two kinds',
      { must: [{ key: 'a', match: { value: 1, any: [1] } }] },
      'filter.must[0].match: expected only one of value, any',
    ],
    [
      'a float match value',
      { must: [{ key: 'a', match: { value: 1.5 } }] },
      'filter.must[0].match.value: expected a string, an integer or a boolean, got a non-integer number',
    ],
    [
      'an object match value',
      { must: [{ key: 'a', match: { value: {} } }] },
      'filter.must[0].match.value: expected a string, an integer or a boolean, got an object',
    ],
    [
      'a numeric text',
      { must: [{ key: 'a', match: { text: 5 } }] },
      'filter.must[0].match.text: expected a string, got a number',
    ],
    [
      'match any that is not a list',
      { must: [{ key: 'a', match: { any: 'x' } }] },
      'filter.must[0].match.any: expected a list of strings or a list of integers, got a string',
    ],
    [
      'a mixed match any',
      { must: [{ key: 'a', match: { any: ['x', 1] } }] },
      'filter.must[0].match.any[1]: expected a string, got a number',
    ],
    [
      'match except with floats',
      { must_not: [{ key: 'a', match: { except: [1, 2.5] } }] },
      'filter.must_not[0].match.except[1]: expected an integer, got a non-integer number',
    ],
    [
      'a range without bounds',
      {
        must: [
          { key: 'b', match: { value: 1 } },
          { key: 'a', range: {} },
        ],
      },
      'filter.must[1].range: expected at least one of lt, gt, gte, lte',
    ],
    [
      'a range bound that is not a number',
      { must: [{ key: 'a', range: { gt: true } }] },
      'filter.must[0].range.gt: expected a number, got a boolean',
    ],
    [
      'a bad datetime bound',
      { must: [{ key: 'a', range: { gt: '2024-13-01' } }] },
      'filter.must[0].range.gt: expected an RFC 3339 datetime such as "2024-01-31T10:00:00Z", got "2024-13-01"',
    ],
    [
      'a datetime range with a numeric bound',
      { must: [{ key: 'a', range: { gt: '2024-01-01', lt: 5 } }] },
      'filter.must[0].range.lt: expected an RFC 3339 datetime such as "2024-01-31T10:00:00Z", got a number',
    ],
    [
      'a geo radius without center',
      { must: [{ key: 'g', geo_radius: { radius: 5 } }] },
      'filter.must[0].geo_radius.center: expected a geo point { "lon": ..., "lat": ... }, got nothing',
    ],
    [
      'a latitude out of range',
      { must: [{ key: 'g', geo_radius: { center: { lon: 0, lat: 91 }, radius: 5 } }] },
      'filter.must[0].geo_radius.center.lat: expected a latitude within [-90, 90], got 91',
    ],
    [
      'a string radius',
      { must: [{ key: 'g', geo_radius: { center: { lon: 0, lat: 0 }, radius: '5' } }] },
      'filter.must[0].geo_radius.radius: expected a number, got a string',
    ],
    [
      'a bounding box corner that is not a point',
      {
        must: [
          { key: 'g', geo_bounding_box: { top_left: [0, 0], bottom_right: { lon: 1, lat: 1 } } },
        ],
      },
      'filter.must[0].geo_bounding_box.top_left: expected a geo point { "lon": ..., "lat": ... }, got an array',
    ],
    [
      'a polygon with three points',
      {
        must: [
          {
            key: 'g',
            geo_polygon: {
              exterior: {
                points: [
                  { lon: 0, lat: 0 },
                  { lon: 1, lat: 0 },
                  { lon: 0, lat: 0 },
                ],
              },
            },
          },
        ],
      },
      'filter.must[0].geo_polygon.exterior.points: expected at least 4 points, got 3',
    ],
    [
      'an open polygon',
      {
        must: [
          {
            key: 'g',
            geo_polygon: {
              exterior: {
                points: [
                  { lon: 0, lat: 0 },
                  { lon: 1, lat: 0 },
                  { lon: 1, lat: 1 },
                  { lon: 0, lat: 1 },
                ],
              },
            },
          },
        ],
      },
      'filter.must[0].geo_polygon.exterior.points: expected the last point to equal the first, closing the ring',
    ],
    [
      'polygon interiors that are not an array',
      {
        must: [
          {
            key: 'g',
            geo_polygon: {
              exterior: {
                points: [
                  { lon: 0, lat: 0 },
                  { lon: 1, lat: 0 },
                  { lon: 1, lat: 1 },
                  { lon: 0, lat: 0 },
                ],
              },
              interiors: {},
            },
          },
        ],
      },
      'filter.must[0].geo_polygon.interiors: expected an array, got an object',
    ],
    [
      'a negative values count',
      { must: [{ key: 'a', values_count: { gt: -1 } }] },
      'filter.must[0].values_count.gt: expected an unsigned integer, got a number',
    ],
    [
      'an empty values count',
      { must: [{ key: 'a', values_count: {} }] },
      'filter.must[0].values_count: expected at least one of lt, gt, gte, lte',
    ],
    [
      'a string is_empty flag',
      { must: [{ key: 'a', is_empty: 'yes' }] },
      'filter.must[0].is_empty: expected a boolean, got a string',
    ],
    [
      'is_empty without a key',
      { must: [{ is_empty: true }] },
      'filter.must[0].is_empty: expected an object {"key": ...}, got a boolean',
    ],
    [
      'is_null with a bad key',
      { must: [{ is_null: { key: '' } }] },
      'filter.must[0].is_null.key: invalid payload key ""',
    ],
    [
      'has_id that is not a list',
      { must: [{ has_id: 5 }] },
      'filter.must[0].has_id: expected an array of point ids, got a number',
    ],
    [
      'a negative id',
      { must: [{ has_id: [1, -2] }] },
      'filter.must[0].has_id[1]: expected an unsigned integer or a UUID, got a number',
    ],
    [
      'a non-UUID string id',
      { must: [{ has_id: ['abc'] }] },
      'filter.must[0].has_id[0]: expected an unsigned integer or a UUID, got "abc"',
    ],
    [
      'a numeric vector name',
      { must: [{ has_vector: 1 }] },
      'filter.must[0].has_vector: expected a string, got a number',
    ],
    [
      'a slice index out of range',
      { must: [{ slice: { total: 2, index: 2 } }] },
      'filter.must[0].slice.index: expected less than total (2), got 2',
    ],
    [
      'a zero slice total',
      { must: [{ slice: { total: 0, index: 0 } }] },
      'filter.must[0].slice.total: expected an integer from 1 to 2^32 - 1',
    ],
    [
      'a nested condition without filter',
      { must: [{ nested: { key: 'a' } }] },
      'filter.must[0].nested.filter: expected an object, got nothing',
    ],
    [
      'an error deep inside a nested filter',
      { must: [{ nested: { key: 'a', filter: { should: [{ key: 'b', range: { lt: 'x' } }] } } }] },
      'filter.must[0].nested.filter.should[0].range.lt: expected an RFC 3339 datetime such as "2024-01-31T10:00:00Z", got "x"',
    ],
    [
      'a min_should without conditions',
      { min_should: { min_count: 1 } },
      'filter.min_should.conditions: expected an array of conditions, got nothing',
    ],
    [
      'a zero min_count',
      { min_should: { conditions: [], min_count: 0 } },
      'filter.min_should.min_count: expected at least 1',
    ],
    [
      'an error inside min_should',
      { min_should: { conditions: [{ key: 'a' }], min_count: 1 } },
      'filter.min_should.conditions[0]: expected one of match, range, geo_bounding_box, geo_radius, geo_polygon, values_count, is_empty, is_null',
    ],
    [
      'an error inside a nested filter condition',
      { must: [{ should: [{ must_not: { has_id: [true] } }] }] },
      'filter.must[0].should[0].must_not.has_id[0]: expected an unsigned integer or a UUID, got a boolean',
    ],
  ])('rejects %s', (_name, filter, message) => {
    const error = errorOf(filter);
    expect(error).toBeInstanceOf(FilterError);
    expect(error).toBeInstanceOf(Error);
    expect(error.message).toBe(message);
    expect(`${error.path}: ${error.reason}`).toBe(message);
  });

  it('roots paths where the caller says', () => {
    expect(errorOf({ must: [{}, 1] }, 'prefetch[0].filter').message).toBe(
      'prefetch[0].filter.must[1]: expected a condition object, got a number',
    );
  });

  it('never fails with anything but a FilterError on odd input', () => {
    const odd = [
      0,
      '',
      true,
      [],
      {},
      null,
      [null],
      { a: null },
      { key: null },
      { match: null },
      'x',
      1.5,
      [[]],
      { must: [[]] },
    ];
    const shapes = (value: unknown) => [
      value,
      { must: value },
      { must: [value] },
      { must: [{ key: 'a', match: value }] },
      { must: [{ key: 'a', match: { value } }] },
      { must: [{ key: 'a', match: { any: value } }] },
      { must: [{ key: 'a', range: value }] },
      { must: [{ key: 'a', range: { gt: value } }] },
      { must: [{ key: 'a', geo_radius: value }] },
      { must: [{ key: 'a', geo_radius: { center: value, radius: value } }] },
      { must: [{ key: 'a', geo_polygon: { exterior: value } }] },
      { must: [{ key: 'a', geo_polygon: { exterior: { points: value } } }] },
      { must: [{ key: 'a', values_count: value }] },
      { must: [{ has_id: value }] },
      { must: [{ has_id: [value] }] },
      { must: [{ nested: value }] },
      { must: [{ nested: { key: 'a', filter: value } }] },
      { must: [{ slice: value }] },
      { min_should: value },
      { min_should: { conditions: value, min_count: value } },
      { must: [{ is_empty: value }] },
      { must: [{ is_null: { key: value } }] },
    ];
    for (const value of odd) {
      for (const filter of shapes(value)) {
        try {
          compileFilter(filter);
        } catch (error) {
          expect(error).toBeInstanceOf(FilterError);
        }
      }
    }
  });
});
