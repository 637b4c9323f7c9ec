import { ValidateBy } from 'class-validator';

/** Deepest nesting of filters inside filters a request may send. */
export const MAX_FILTER_DEPTH = 8;

const CLAUSES = ['must', 'should', 'must_not', 'min_should'];
const FIELD_TESTS = [
  'match',
  'range',
  'geo_bounding_box',
  'geo_radius',
  'geo_polygon',
  'values_count',
  'is_empty',
  'is_null',
];
const CONDITION_KINDS = 'key, has_id, has_vector, is_empty, is_null, nested or a filter';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function conditionProblem(value: unknown, path: string, depth: number): string | undefined {
  if (!isObject(value)) return `${path} must be a condition object (${CONDITION_KINDS})`;
  if (CLAUSES.some((clause) => clause in value)) return filterProblem(value, path, depth + 1);
  if ('key' in value) {
    if (typeof value['key'] !== 'string') return `${path}.key must be a payload field name`;
    if (!FIELD_TESTS.some((test) => test in value))
      return `${path} (key ${value['key']}) needs one of ${FIELD_TESTS.join(', ')}`;
    return undefined;
  }
  if ('nested' in value) {
    const nested = value['nested'];
    if (!isObject(nested) || typeof nested['key'] !== 'string')
      return `${path}.nested must be {key, filter}`;
    return filterProblem(nested['filter'], `${path}.nested.filter`, depth + 1);
  }
  if ('has_id' in value) {
    return Array.isArray(value['has_id']) ? undefined : `${path}.has_id must be a list of ids`;
  }
  if ('is_empty' in value || 'is_null' in value || 'has_vector' in value) return undefined;
  return `${path} is not a condition: expected ${CONDITION_KINDS}`;
}

function clauseProblem(value: unknown, path: string, depth: number): string | undefined {
  if (value === null) return undefined;
  const conditions = Array.isArray(value) ? value : [value];
  for (const [i, condition] of conditions.entries()) {
    const problem = conditionProblem(
      condition,
      Array.isArray(value) ? `${path}[${i}]` : path,
      depth,
    );
    if (problem) return problem;
  }
  return undefined;
}

/**
 * The first problem with the shape of a Qdrant filter, or undefined. Only the structure is
 * checked here, so a malformed filter is answered with the path to the mistake; the vector store
 * still checks the values (match, range, ...) and answers 400 for those.
 */
export function filterProblem(value: unknown, path = 'filter', depth = 0): string | undefined {
  if (!isObject(value)) return `${path} must be an object with ${CLAUSES.join(', ')}`;
  if (depth >= MAX_FILTER_DEPTH)
    return `${path}: filters may nest at most ${MAX_FILTER_DEPTH} deep`;
  for (const [clause, conditions] of Object.entries(value)) {
    if (!CLAUSES.includes(clause))
      return `${path}.${clause} is not a filter clause: use ${CLAUSES.join(', ')} (e.g. {"must": [{"key": "${clause}", "match": {"value": ...}}]})`;
    if (clause !== 'min_should') {
      const problem = clauseProblem(conditions, `${path}.${clause}`, depth);
      if (problem) return problem;
      continue;
    }
    if (!isObject(conditions) || !Number.isInteger(conditions['min_count']))
      return `${path}.min_should must be {conditions, min_count}`;
    const problem = clauseProblem(conditions['conditions'], `${path}.min_should.conditions`, depth);
    if (problem) return problem;
  }
  return undefined;
}

/** A Qdrant filter whose structure is sound (see filterProblem). */
export const IsPointFilter = () =>
  ValidateBy({
    name: 'isPointFilter',
    validator: {
      validate: (value) => filterProblem(value) === undefined,
      defaultMessage: (args) => filterProblem(args?.value, args?.property) ?? 'invalid filter',
    },
  });
