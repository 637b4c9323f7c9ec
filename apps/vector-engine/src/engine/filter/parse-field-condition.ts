import { parseDatetime } from './datetime';
import type { FieldConditionNode, MatchNode, RangeNode } from './filter-node.types';
import type { LatLon } from './geo';
import {
  describe,
  expectBoolean,
  expectNumber,
  expectObject,
  expectString,
  expectUnsignedInteger,
  fail,
  isAbsent,
  parseBounds,
} from './parse-helpers';
import { parsePayloadKeyOrThrow } from './payload-path';

const FIELD_CONDITIONS = [
  'match',
  'range',
  'geo_bounding_box',
  'geo_radius',
  'geo_polygon',
  'values_count',
  'is_empty',
  'is_null',
];

/** `{ key, match | range | geo_* | values_count | is_empty | is_null }`. */
export function parseFieldCondition(
  object: Record<string, unknown>,
  path: string,
): FieldConditionNode {
  const key = expectString(object.key, `${path}.key`);
  if (FIELD_CONDITIONS.every((name) => isAbsent(object[name]))) {
    fail(path, `expected one of ${FIELD_CONDITIONS.join(', ')}`);
  }
  const node: { -readonly [K in keyof FieldConditionNode]: FieldConditionNode[K] } = {
    kind: 'field',
    key,
    path: parsePayloadKeyOrThrow(key, `${path}.key`),
  };
  const { match, range, geo_radius, geo_bounding_box, geo_polygon, values_count } = object;
  if (!isAbsent(match)) node.match = parseMatch(match, `${path}.match`);
  if (!isAbsent(range)) node.range = parseRange(range, `${path}.range`);
  if (!isAbsent(geo_radius)) {
    const radius = expectObject(geo_radius, `${path}.geo_radius`);
    node.geoRadius = {
      center: parseGeoPoint(radius.center, `${path}.geo_radius.center`),
      radius: expectNumber(radius.radius, `${path}.geo_radius.radius`),
    };
  }
  if (!isAbsent(geo_bounding_box)) {
    const box = expectObject(geo_bounding_box, `${path}.geo_bounding_box`);
    node.geoBoundingBox = {
      topLeft: parseGeoPoint(box.top_left, `${path}.geo_bounding_box.top_left`),
      bottomRight: parseGeoPoint(box.bottom_right, `${path}.geo_bounding_box.bottom_right`),
    };
  }
  if (!isAbsent(geo_polygon)) {
    const polygon = expectObject(geo_polygon, `${path}.geo_polygon`);
    const interiors = polygon.interiors;
    if (!isAbsent(interiors) && !Array.isArray(interiors)) {
      fail(`${path}.geo_polygon.interiors`, `expected an array, got ${describe(interiors)}`);
    }
    node.geoPolygon = {
      exterior: parseRing(polygon.exterior, `${path}.geo_polygon.exterior`),
      interiors: (interiors ?? []).map((ring: unknown, i: number) =>
        parseRing(ring, `${path}.geo_polygon.interiors[${i}]`),
      ),
    };
  }
  if (!isAbsent(values_count)) {
    node.valuesCount = parseBounds(values_count, `${path}.values_count`, expectUnsignedInteger);
  }
  if (!isAbsent(object.is_empty)) node.isEmpty = expectBoolean(object.is_empty, `${path}.is_empty`);
  if (!isAbsent(object.is_null)) node.isNull = expectBoolean(object.is_null, `${path}.is_null`);
  return node;
}

const MATCH_KINDS = ['value', 'text', 'text_any', 'phrase', 'prefix', 'any', 'except'] as const;

function parseMatch(value: unknown, path: string): MatchNode {
  const object = expectObject(value, path);
  const present = MATCH_KINDS.filter((kind) => !isAbsent(object[kind]));
  if (present.length === 0) fail(path, `expected one of ${MATCH_KINDS.join(', ')}`);
  if (present.length > 1) fail(path, `expected only one of ${present.join(', ')}`);
  const kind = present[0];
  const operand = object[kind];
  const at = `${path}.${kind}`;
  switch (kind) {
    case 'value':
      if (
        typeof operand === 'string' ||
        typeof operand === 'boolean' ||
        (typeof operand === 'number' && Number.isSafeInteger(operand))
      ) {
        return { kind, value: operand };
      }
      return fail(at, `expected a string, an integer or a boolean, got ${describe(operand)}`);
    case 'any':
    case 'except':
      return { kind, ...parseValueList(operand, at) };
    default:
      return { kind, text: expectString(operand, at) };
  }
}

function parseValueList(
  value: unknown,
  path: string,
): { valueType: 'string' | 'integer'; values: (string | number)[] } {
  if (!Array.isArray(value)) {
    fail(path, `expected a list of strings or a list of integers, got ${describe(value)}`);
  }
  const first: unknown = value[0];
  const valueType = typeof first === 'number' ? 'integer' : 'string';
  value.forEach((item: unknown, i) => {
    const ok =
      valueType === 'string'
        ? typeof item === 'string'
        : typeof item === 'number' && Number.isSafeInteger(item);
    if (!ok) {
      fail(
        `${path}[${i}]`,
        `expected ${valueType === 'string' ? 'a string' : 'an integer'}, got ${describe(item)}`,
      );
    }
  });
  return { valueType, values: value as (string | number)[] };
}

function parseRange(value: unknown, path: string): RangeNode {
  const object = expectObject(value, path);
  // Qdrant reads the range as a datetime range as soon as one bound is a string.
  const datetime = ['lt', 'gt', 'gte', 'lte'].some((name) => typeof object[name] === 'string');
  if (!datetime) return { kind: 'number', bounds: parseBounds(object, path, expectNumber) };
  return { kind: 'datetime', bounds: parseBounds(object, path, expectDatetime) };
}

function expectDatetime(value: unknown, path: string): number {
  const micros = typeof value === 'string' ? parseDatetime(value) : undefined;
  if (micros === undefined) {
    const got = typeof value === 'string' ? JSON.stringify(value) : describe(value);
    fail(path, `expected an RFC 3339 datetime such as "2024-01-31T10:00:00Z", got ${got}`);
  }
  return micros;
}

function parseGeoPoint(value: unknown, path: string): LatLon {
  const object = expectObject(value, path, 'a geo point { "lon": ..., "lat": ... }');
  const lon = expectNumber(object.lon, `${path}.lon`);
  const lat = expectNumber(object.lat, `${path}.lat`);
  if (lon < -180 || lon > 180) {
    fail(`${path}.lon`, `expected a longitude within [-180, 180], got ${lon}`);
  }
  if (lat < -90 || lat > 90) {
    fail(`${path}.lat`, `expected a latitude within [-90, 90], got ${lat}`);
  }
  return { lon, lat };
}

function parseRing(value: unknown, path: string): LatLon[] {
  const points = expectObject(value, path).points;
  if (!Array.isArray(points)) fail(`${path}.points`, `expected an array, got ${describe(points)}`);
  const ring = points.map((point: unknown, i) => parseGeoPoint(point, `${path}.points[${i}]`));
  if (ring.length < 4) fail(`${path}.points`, `expected at least 4 points, got ${ring.length}`);
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (
    Math.abs(first.lat - last.lat) > Number.EPSILON ||
    Math.abs(first.lon - last.lon) > Number.EPSILON
  ) {
    fail(`${path}.points`, 'expected the last point to equal the first, closing the ring');
  }
  return ring;
}
