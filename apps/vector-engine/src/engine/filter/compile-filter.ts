import { compileFieldCondition } from './compile-field-condition';
import type { TextTokenizer } from './compile-match';
import type { ConditionNode, FilterNode } from './filter-node.types';
import { ACCEPTED, compilePathVisitor, isPlainObject } from './payload-path';
import { parseFilter } from './parse-filter';
import { canonicalUuid, pointIdSlice } from './point-id';

export interface FilterablePoint {
  /** Qdrant point id: unsigned integer or UUID string. */
  id: number | string;
  payload: Record<string, unknown>;
  /** The names of the vectors the point has, for has_vector (`""` is the unnamed vector). */
  vectorNames?: readonly string[];
}

export interface CompileOptions {
  /** Tokenizer of the full-text index on this field, if the field has one. */
  textTokenizer?: (key: string) => TextTokenizer | undefined;
  /** Whether the field has a uuid index, under which string values compare as UUIDs. */
  uuidIndexed?: (key: string) => boolean;
  /** Where the filter sits in the request, for error messages; `filter` by default. */
  path?: string;
}

export type PointPredicate = (point: FilterablePoint) => boolean;

/**
 * Validates a Qdrant filter once (throwing a FilterError naming the offending path) and returns
 * a predicate for points. A missing or null filter matches every point.
 */
export function compileFilter(filter: unknown, options: CompileOptions = {}): PointPredicate {
  const node = parseFilter(filter, options.path);
  if (!node) return () => true;
  const check = compileFilterNode(node, options, '');
  return (point) => check(point.payload, point);
}

function compileFilterNode(
  node: FilterNode,
  options: CompileOptions,
  keyPrefix: string,
): NodeCheck {
  const compile = (condition: ConditionNode) => compileCondition(condition, options, keyPrefix);
  const must = node.must.map(compile);
  const should = node.should.map(compile);
  const mustNot = node.mustNot.map(compile);
  const minShould = node.minShould?.conditions.map(compile) ?? [];
  const minCount = node.minShould?.minCount ?? 0;
  if (must.length + should.length + mustNot.length + minShould.length === 0 && minCount === 0) {
    return () => true;
  }
  return (payload, point) => {
    for (let i = 0; i < must.length; i++) if (!must[i](payload, point)) return false;
    for (let i = 0; i < mustNot.length; i++) if (mustNot[i](payload, point)) return false;
    if (should.length > 0) {
      let any = false;
      for (let i = 0; i < should.length && !any; i++) any = should[i](payload, point);
      if (!any) return false;
    }
    if (minCount > 0) {
      let matched = 0;
      for (let i = 0; i < minShould.length && matched < minCount; i++) {
        if (minShould[i](payload, point)) matched++;
      }
      if (matched < minCount) return false;
    }
    return true;
  };
}

/**
 * A compiled condition. `point` is absent inside a nested filter, where Qdrant evaluates only
 * payload conditions: has_id, has_vector and slice never match there.
 */
type NodeCheck = (payload: Record<string, unknown>, point?: FilterablePoint) => boolean;

function compileCondition(
  condition: ConditionNode,
  options: CompileOptions,
  keyPrefix: string,
): NodeCheck {
  switch (condition.kind) {
    case 'field': {
      // Index lookups use the full key; inside a nested filter that is `array[].key`.
      const indexKey = keyPrefix + condition.key;
      return compileFieldCondition(condition, {
        tokenizer: options.textTokenizer?.(indexKey),
        uuid: options.uuidIndexed?.(indexKey) ?? false,
      });
    }
    case 'is_empty': {
      const visitPath = compilePathVisitor(condition.path);
      const notEmpty = (value: unknown) =>
        value !== null && !(Array.isArray(value) && value.length === 0);
      return (payload) => visitPath(payload, notEmpty) !== ACCEPTED;
    }
    case 'is_null': {
      const visitPath = compilePathVisitor(condition.path);
      const isNull = (value: unknown) => value === null;
      return (payload) => visitPath(payload, isNull) === ACCEPTED;
    }
    case 'has_id': {
      const ids = condition.ids;
      return (_payload, point) => point !== undefined && hasId(ids, point.id);
    }
    case 'has_vector': {
      const name = condition.name;
      return (_payload, point) => point?.vectorNames?.includes(name) ?? false;
    }
    case 'slice': {
      const { total, index } = condition;
      return (_payload, point) => point !== undefined && pointIdSlice(point.id, total) === index;
    }
    case 'nested': {
      const visitPath = compilePathVisitor(condition.path);
      const inner = compileFilterNode(
        condition.filter,
        options,
        `${keyPrefix}${condition.arrayKey}.`,
      );
      const visit = (element: unknown) => isPlainObject(element) && inner(element);
      return (payload) => visitPath(payload, visit) === ACCEPTED;
    }
    case 'filter':
      return compileFilterNode(condition.filter, options, keyPrefix);
  }
}

function hasId(ids: ReadonlySet<number | string>, id: number | string): boolean {
  if (ids.has(id)) return true;
  if (typeof id !== 'string') return false;
  const uuid = canonicalUuid(id);
  return uuid !== undefined && uuid !== id && ids.has(uuid);
}
