import { compileMatch, type ElementCheck, type MatchContext } from './compile-match';
import { parseDatetimeCached } from './datetime';
import type { FieldConditionNode, RangeNode } from './filter-node.types';
import { type GeoCheck, geoBoundingBoxCheck, geoPolygonCheck, geoRadiusCheck } from './geo';
import { boundsCheck } from './parse-helpers';
import { ACCEPTED, NO_VALUE, compilePathVisitor } from './payload-path';

export type PayloadCheck = (payload: Record<string, unknown>) => boolean;

/**
 * A field condition as Qdrant evaluates it. values_count, is_empty and is_null look at each value
 * at the key as it is (an array counts as one value with its length); the other conditions look
 * at the elements of leaf arrays and hold when any element passes. A key with no value at all
 * fails them, except values_count (count 0), is_empty: true and is_null: false.
 */
export function compileFieldCondition(
  node: FieldConditionNode,
  context: MatchContext,
): PayloadCheck {
  const visitPath = compilePathVisitor(node.path);
  if (node.valuesCount !== undefined) {
    const countOk = boundsCheck(node.valuesCount);
    const visit = (value: unknown) => countOk(countOf(value));
    const whenMissing = countOk(0);
    return (payload) => {
      const found = visitPath(payload, visit);
      return found === NO_VALUE ? whenMissing : found === ACCEPTED;
    };
  }
  if (node.isEmpty !== undefined) {
    const isEmpty = node.isEmpty;
    const visit = (value: unknown) => (value === null || isEmptyArray(value)) === isEmpty;
    return (payload) => {
      const found = visitPath(payload, visit);
      return found === NO_VALUE ? isEmpty : found === ACCEPTED;
    };
  }
  if (node.isNull !== undefined) {
    const isNull = node.isNull;
    const visit = (value: unknown) =>
      (Array.isArray(value) ? value.includes(null) : value === null) === isNull;
    return (payload) => {
      const found = visitPath(payload, visit);
      return found === NO_VALUE ? !isNull : found === ACCEPTED;
    };
  }
  const element = elementCheck(node, context);
  const visit = (value: unknown) => (Array.isArray(value) ? value.some(element) : element(value));
  return (payload) => visitPath(payload, visit) === ACCEPTED;
}

function countOf(value: unknown): number {
  if (value === null) return 0;
  return Array.isArray(value) ? value.length : 1;
}

function isEmptyArray(value: unknown): boolean {
  return Array.isArray(value) && value.length === 0;
}

// Several conditions in one field condition hold when any of them does, as in Qdrant.
function elementCheck(node: FieldConditionNode, context: MatchContext): ElementCheck {
  const checks: ElementCheck[] = [];
  if (node.match) checks.push(compileMatch(node.match, context));
  if (node.range) checks.push(rangeCheck(node.range));
  if (node.geoRadius) {
    checks.push(geoCheck(geoRadiusCheck(node.geoRadius.center, node.geoRadius.radius)));
  }
  if (node.geoBoundingBox) {
    const { topLeft, bottomRight } = node.geoBoundingBox;
    checks.push(geoCheck(geoBoundingBoxCheck(topLeft, bottomRight)));
  }
  if (node.geoPolygon) {
    const { exterior, interiors } = node.geoPolygon;
    checks.push(geoCheck(geoPolygonCheck(exterior, interiors)));
  }
  if (checks.length === 1) return checks[0];
  return (value) => checks.some((check) => check(value));
}

function rangeCheck(range: RangeNode): ElementCheck {
  const inRange = boundsCheck(range.bounds);
  if (range.kind === 'number') return (value) => typeof value === 'number' && inRange(value);
  return (value) => {
    if (typeof value !== 'string') return false;
    const micros = parseDatetimeCached(value);
    return micros !== undefined && inRange(micros);
  };
}

function geoCheck(check: GeoCheck): ElementCheck {
  return (value) => {
    if (typeof value !== 'object' || value === null) return false;
    const { lat, lon } = value as { lat?: unknown; lon?: unknown };
    return typeof lat === 'number' && typeof lon === 'number' && check(lat, lon);
  };
}
