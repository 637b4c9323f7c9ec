import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { filterProblem, MAX_FILTER_DEPTH } from './point-filter';
import {
  SearchBatchRequest,
  SearchPointsRequest,
  MAX_SEARCH_BATCH,
} from './vector-search.contract';
import { UpdatePointRequest } from './vector-points.contract';

function problems(cls: new () => object, plain: object): string[] {
  return validateSync(plainToInstance(cls, plain), { whitelist: true }).flatMap(
    function messages(error): string[] {
      return [
        ...Object.values(error.constraints ?? {}),
        ...(error.children ?? []).flatMap(messages),
      ];
    },
  );
}

describe('search contracts', () => {
  it('accepts Qdrant filters of every clause and condition kind', () => {
    const filter = {
      must: [
        { key: 'topic', match: { value: 'pets' } },
        { has_id: [1, 2] },
        { nested: { key: 'tags', filter: { must: { key: 'name', match: { any: ['a'] } } } } },
        { should: [{ key: 'n', range: { gte: 1 } }] },
      ],
      must_not: { is_empty: { key: 'text' } },
      min_should: { conditions: [{ key: 'a', match: { value: 1 } }], min_count: 1 },
    };
    expect(filterProblem(filter)).toBeUndefined();
    expect(problems(SearchPointsRequest, { collection: 'docs', text: 'x', filter })).toEqual([]);
  });

  it('names where a malformed filter goes wrong', () => {
    expect(filterProblem({ topic: 'pets' })).toMatch(/^filter\.topic is not a filter clause/);
    expect(filterProblem({ must: [{ key: 'topic' }] })).toBe(
      'filter.must[0] (key topic) needs one of match, range, geo_bounding_box, geo_radius, geo_polygon, values_count, is_empty, is_null',
    );
    expect(filterProblem({ must: [{ topic: 'pets' }] })).toMatch(
      /^filter\.must\[0\] is not a condition/,
    );
    expect(filterProblem({ should: [{ must: ['x'] }] })).toMatch(
      /^filter\.should\[0\]\.must\[0\] must be a condition object/,
    );
    expect(filterProblem([])).toMatch(/^filter must be an object/);
    let deep: object = { key: 'a', match: { value: 1 } };
    for (let i = 0; i <= MAX_FILTER_DEPTH; i++) deep = { must: [deep] };
    expect(filterProblem(deep)).toContain(`at most ${MAX_FILTER_DEPTH} deep`);
    expect(
      problems(SearchPointsRequest, { collection: 'docs', text: 'x', filter: { topic: 'pets' } }),
    ).toEqual([expect.stringMatching(/^filter\.topic is not a filter clause/)]);
  });

  it('checks mode, with_payload and the batch size, naming the limits', () => {
    expect(problems(SearchPointsRequest, { collection: 'docs', text: 'x', mode: 'fuzzy' })).toEqual(
      ['mode must be one of dense, keyword, hybrid'],
    );
    expect(
      problems(SearchPointsRequest, { collection: 'docs', text: 'x', with_payload: ['text'] }),
    ).toEqual([]);
    expect(
      problems(SearchPointsRequest, { collection: 'docs', text: 'x', with_payload: 'text' }),
    ).toEqual([expect.stringContaining('with_payload must be true, false or a list')]);
    const queries = Array.from({ length: MAX_SEARCH_BATCH + 1 }, () => ({ text: 'x' }));
    expect(problems(SearchBatchRequest, { collection: 'docs', queries })).toEqual([
      `queries must hold at most ${MAX_SEARCH_BATCH} queries`,
    ]);
    expect(
      problems(SearchBatchRequest, { collection: 'docs', queries: [{ text: 'x', limit: 5000 }] }),
    ).toEqual(['limit must be at most 1000']);
  });

  it('takes UUIDs and unsigned integers as the id of a point to update', () => {
    const base = { collection: 'docs', text: 'x' };
    expect(problems(UpdatePointRequest, { ...base, id: 7 })).toEqual([]);
    expect(
      problems(UpdatePointRequest, { ...base, id: '3f2b8c1e-5d4a-4b7e-9c2d-1a2b3c4d5e6f' }),
    ).toEqual([]);
    expect(problems(UpdatePointRequest, { ...base, id: 'doc-1' })).toEqual([
      'id must be a UUID or an unsigned integer',
    ]);
    expect(problems(UpdatePointRequest, base)).toContain('id is required');
  });
});
