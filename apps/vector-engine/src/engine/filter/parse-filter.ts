import type { ConditionNode, FilterNode } from './filter-node.types';
import { parseFieldCondition } from './parse-field-condition';
import {
  describe,
  expectObject,
  expectString,
  expectUnsignedInteger,
  fail,
  hasMember,
  isAbsent,
} from './parse-helpers';
import { nestedArrayKey, parsePayloadKeyOrThrow } from './payload-path';
import { normalizePointId } from './point-id';

const FILTER_KEYS = ['must', 'should', 'must_not', 'min_should'];

const CONDITIONS =
  'a field condition ({"key": ...}), is_empty, is_null, has_id, has_vector, slice, nested or a filter';

/**
 * Validates a Qdrant filter. Undefined for a missing or null filter, which matches every point.
 * Throws a FilterError naming the offending path, rooted at `path`.
 */
export function parseFilter(input: unknown, path = 'filter'): FilterNode | undefined {
  if (isAbsent(input)) return undefined;
  return parseFilterObject(expectObject(input, path), path);
}

function parseFilterObject(object: Record<string, unknown>, path: string): FilterNode {
  // Qdrant rejects unknown members of a filter, so a typo ("must_nt") is not silently ignored.
  for (const key of Object.keys(object)) {
    if (!FILTER_KEYS.includes(key)) {
      fail(path, `unknown member "${key}", expected must, should, must_not or min_should`);
    }
  }
  const filter: { -readonly [K in keyof FilterNode]: FilterNode[K] } = {
    must: parseClause(object.must, `${path}.must`),
    should: parseClause(object.should, `${path}.should`),
    mustNot: parseClause(object.must_not, `${path}.must_not`),
  };
  if (!isAbsent(object.min_should)) {
    const at = `${path}.min_should`;
    const minShould = expectObject(object.min_should, at);
    const conditions = minShould.conditions;
    if (!Array.isArray(conditions)) {
      fail(`${at}.conditions`, `expected an array of conditions, got ${describe(conditions)}`);
    }
    const minCount = expectUnsignedInteger(minShould.min_count, `${at}.min_count`);
    if (minCount < 1) fail(`${at}.min_count`, 'expected at least 1');
    filter.minShould = {
      conditions: conditions.map((c: unknown, i) => parseCondition(c, `${at}.conditions[${i}]`)),
      minCount,
    };
  }
  return filter;
}

/** A clause is one condition or an array of them. */
function parseClause(value: unknown, path: string): ConditionNode[] {
  if (isAbsent(value)) return [];
  if (Array.isArray(value)) return value.map((c: unknown, i) => parseCondition(c, `${path}[${i}]`));
  if (typeof value === 'object') return [parseCondition(value, path)];
  return fail(path, `expected a condition or an array of conditions, got ${describe(value)}`);
}

// Qdrant tries the condition shapes in this order and takes the first that fits.
function parseCondition(value: unknown, path: string): ConditionNode {
  const object = expectObject(value, path, 'a condition object');
  if (hasMember(object, 'key')) return parseFieldCondition(object, path);
  if (hasMember(object, 'is_empty') || hasMember(object, 'is_null')) {
    const kind = hasMember(object, 'is_empty') ? 'is_empty' : 'is_null';
    const at = `${path}.${kind}`;
    const key = expectString(
      expectObject(object[kind], at, 'an object {"key": ...}').key,
      `${at}.key`,
    );
    return { kind, key, path: parsePayloadKeyOrThrow(key, `${at}.key`) };
  }
  if (hasMember(object, 'has_id')) return parseHasId(object.has_id, `${path}.has_id`);
  if (hasMember(object, 'has_vector')) {
    return { kind: 'has_vector', name: expectString(object.has_vector, `${path}.has_vector`) };
  }
  if (hasMember(object, 'slice')) return parseSlice(object.slice, `${path}.slice`);
  if (hasMember(object, 'nested')) {
    const at = `${path}.nested`;
    const nested = expectObject(object.nested, at);
    const key = expectString(nested.key, `${at}.key`);
    const arrayKey = nestedArrayKey(key);
    return {
      kind: 'nested',
      arrayKey,
      path: parsePayloadKeyOrThrow(arrayKey, `${at}.key`),
      filter: parseFilterObject(expectObject(nested.filter, `${at}.filter`), `${at}.filter`),
    };
  }
  if (Object.keys(object).every((key) => FILTER_KEYS.includes(key))) {
    return { kind: 'filter', filter: parseFilterObject(object, path) };
  }
  return fail(path, `unknown condition, expected ${CONDITIONS}`);
}

function parseHasId(value: unknown, path: string): ConditionNode {
  if (!Array.isArray(value)) fail(path, `expected an array of point ids, got ${describe(value)}`);
  const ids = new Set<number | string>();
  value.forEach((id: unknown, i) => {
    const normalized = normalizePointId(id);
    if (normalized === undefined) {
      const got = typeof id === 'string' ? JSON.stringify(id) : describe(id);
      fail(`${path}[${i}]`, `expected an unsigned integer or a UUID, got ${got}`);
    }
    ids.add(normalized);
  });
  return { kind: 'has_id', ids };
}

function parseSlice(value: unknown, path: string): ConditionNode {
  const slice = expectObject(value, path);
  const total = expectUnsignedInteger(slice.total, `${path}.total`);
  if (total < 1 || total > 0xffffffff) {
    fail(`${path}.total`, 'expected an integer from 1 to 2^32 - 1');
  }
  const index = expectUnsignedInteger(slice.index, `${path}.index`);
  if (index >= total) fail(`${path}.index`, `expected less than total (${total}), got ${index}`);
  return { kind: 'slice', total, index };
}
