import type {
  ConditionNode,
  FieldConditionNode,
  FilterNode,
  MatchNode,
  RangeNode,
} from '../filter/filter-node.types';
import { geoBoundingBoxCheck, geoPolygonCheck, geoRadiusCheck } from '../filter/geo';
import { canonicalUuid } from '../filter/point-id';
import { allOf, anyOf, atLeast, type Candidates, fromSet, NONE } from './candidates';
import type { FieldIndex } from './field-index';

// Query planning: the labels that may match a filter according to the payload indexes. Every
// plan holds all labels whose points the compiled predicate accepts (compiled with the same
// index's tokenizer and UUID handling); undefined means "cannot narrow". must_not never narrows:
// excluding needs every label, which is no cheaper than running the predicate.

export type IndexLookup = (key: string) => FieldIndex | undefined;

export function planFilter(
  filter: FilterNode,
  lookup: IndexLookup,
  keyPrefix: string,
): Candidates | undefined {
  const narrowed: Candidates[] = [];
  for (const condition of filter.must) {
    const plan = planCondition(condition, lookup, keyPrefix);
    if (plan) narrowed.push(plan);
  }
  if (filter.should.length > 0) {
    const plan = planAtLeast(filter.should, 1, lookup, keyPrefix);
    if (plan) narrowed.push(plan);
  }
  if (filter.minShould) {
    const { conditions, minCount } = filter.minShould;
    const plan = planAtLeast(conditions, minCount, lookup, keyPrefix);
    if (plan) narrowed.push(plan);
  }
  return narrowed.length === 0 ? undefined : allOf(narrowed);
}

// A point meeting `count` of the conditions meets at least `count - unplanned` planned ones.
function planAtLeast(
  conditions: readonly ConditionNode[],
  count: number,
  lookup: IndexLookup,
  keyPrefix: string,
): Candidates | undefined {
  if (conditions.length < count) return NONE;
  const planned: Candidates[] = [];
  for (const condition of conditions) {
    const plan = planCondition(condition, lookup, keyPrefix);
    if (plan) planned.push(plan);
  }
  const needed = count - (conditions.length - planned.length);
  return needed > 0 ? atLeast(planned, needed) : undefined;
}

function planCondition(
  condition: ConditionNode,
  lookup: IndexLookup,
  keyPrefix: string,
): Candidates | undefined {
  switch (condition.kind) {
    case 'field': {
      const field = lookup(keyPrefix + condition.key);
      return field ? planField(condition, field) : undefined;
    }
    case 'filter':
      return planFilter(condition.filter, lookup, keyPrefix);
    case 'nested':
      // An element matching the inner filter puts its values under `key[].inner` of the point.
      return planFilter(condition.filter, lookup, `${keyPrefix}${condition.arrayKey}.`);
    default:
      return undefined;
  }
}

// The sub-conditions of one field condition are alternatives (Qdrant ORs them); values_count,
// is_empty and is_null take precedence over them and match points without indexed values.
function planField(node: FieldConditionNode, field: FieldIndex): Candidates | undefined {
  if (node.valuesCount || node.isEmpty !== undefined || node.isNull !== undefined) return undefined;
  const parts: (Candidates | undefined)[] = [];
  if (node.match) parts.push(planMatch(node.match, field));
  if (node.range) parts.push(planRange(node.range, field));
  const { geoRadius, geoBoundingBox, geoPolygon } = node;
  if (geoRadius || geoBoundingBox || geoPolygon) {
    if (field.type !== 'geo') return undefined;
    if (geoRadius) {
      parts.push(field.index.filter(geoRadiusCheck(geoRadius.center, geoRadius.radius)));
    }
    if (geoBoundingBox) {
      const { topLeft, bottomRight } = geoBoundingBox;
      parts.push(field.index.filter(geoBoundingBoxCheck(topLeft, bottomRight)));
    }
    if (geoPolygon) {
      parts.push(field.index.filter(geoPolygonCheck(geoPolygon.exterior, geoPolygon.interiors)));
    }
  }
  const planned = parts.filter((part): part is Candidates => part !== undefined);
  return planned.length === parts.length ? anyOf(planned) : undefined;
}

function planRange(range: RangeNode, field: FieldIndex): Candidates | undefined {
  if (field.type === 'datetime') {
    return range.kind === 'datetime' ? field.index.range(range.bounds) : undefined;
  }
  if (field.type === 'integer' || field.type === 'float') {
    return range.kind === 'number' ? field.index.range(range.bounds) : undefined;
  }
  return undefined;
}

function planMatch(match: MatchNode, field: FieldIndex): Candidates | undefined {
  switch (match.kind) {
    case 'value':
      return planValues([match.value], field);
    case 'any':
      return planValues(match.values, field);
    case 'prefix': {
      if (field.type !== 'keyword') return undefined;
      const postings: Candidates[] = [];
      for (const key of field.index.keys()) {
        if (key.startsWith(match.text)) postings.push(fromSet(field.index.get(key)));
      }
      return postings.length === 0 ? NONE : anyOf(postings);
    }
    case 'text':
    case 'text_any':
    case 'phrase': {
      if (field.type !== 'text') return undefined;
      const kind = match.kind === 'phrase' ? 'document' : 'query';
      const tokens = [...new Set(field.tokenizer(match.text, kind))];
      // No tokens: the predicate matches nothing.
      if (tokens.length === 0) return NONE;
      const postings = tokens.map((token) => fromSet(field.index.get(token)));
      return match.kind === 'text_any' ? anyOf(postings) : allOf(postings);
    }
    case 'except':
      return undefined;
  }
}

/** Labels holding one of `values` exactly, when the index holds every value of their type. */
function planValues(
  values: readonly (string | number | boolean)[],
  field: FieldIndex,
): Candidates | undefined {
  const postings: Candidates[] = [];
  for (const value of values) {
    if (typeof value === 'string' && field.type === 'keyword') {
      postings.push(fromSet(field.index.get(value)));
    } else if (typeof value === 'string' && field.type === 'uuid') {
      // A non-UUID string compares as a string, and the index holds only UUIDs.
      const uuid = canonicalUuid(value);
      if (uuid === undefined) return undefined;
      postings.push(fromSet(field.index.get(uuid)));
    } else if (typeof value === 'boolean' && field.type === 'bool') {
      postings.push(fromSet(field.index.get(value)));
    } else if (typeof value === 'number' && (field.type === 'integer' || field.type === 'float')) {
      // Strays are fractions, which never equal an integer.
      const exactly = { min: value, minInclusive: true, max: value, maxInclusive: true };
      postings.push(field.index.range(exactly, false));
    } else {
      return undefined;
    }
  }
  return postings.length === 0 ? NONE : anyOf(postings);
}
