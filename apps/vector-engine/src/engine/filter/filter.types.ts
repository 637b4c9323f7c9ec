// The filter request as Qdrant's REST API (v1.18 / v1.19 OpenAPI) defines it. These types describe
// what a client may send; `parseFilter` checks an `unknown` against them and never trusts them.

/** A point id: an unsigned integer or a UUID string. */
export type ExtendedPointId = number | string;

export type ValueVariants = string | number | boolean;

/** A list of strings or a list of integers, never mixed. */
export type AnyVariants = string[] | number[];

export interface MatchValue {
  value: ValueVariants;
}

/** Full-text match: every token of `text` must occur (substring match without a text index). */
export interface MatchText {
  text: string;
}

/** Full-text match of at least one token. */
export interface MatchTextAny {
  text_any: string;
}

/** Full-text match of the tokens in this order. */
export interface MatchPhrase {
  phrase: string;
}

/** Keyword values starting with `prefix`, case-sensitive (v1.19). */
export interface MatchPrefix {
  prefix: string;
}

export interface MatchAny {
  any: AnyVariants;
}

/** At least one value not in the list. */
export interface MatchExcept {
  except: AnyVariants;
}

export type Match =
  MatchValue | MatchText | MatchTextAny | MatchPhrase | MatchPrefix | MatchAny | MatchExcept;

export interface Range {
  lt?: number | null;
  gt?: number | null;
  gte?: number | null;
  lte?: number | null;
}

/** Bounds are RFC 3339 datetimes; a bound without a timezone is UTC. */
export interface DatetimeRange {
  lt?: string | null;
  gt?: string | null;
  gte?: string | null;
  lte?: string | null;
}

export type RangeInterface = Range | DatetimeRange;

export interface GeoPoint {
  lon: number;
  lat: number;
}

export interface GeoRadius {
  center: GeoPoint;
  /** Meters. */
  radius: number;
}

export interface GeoBoundingBox {
  top_left: GeoPoint;
  bottom_right: GeoPoint;
}

/** At least 4 points, the first equal to the last. */
export interface GeoLineString {
  points: GeoPoint[];
}

export interface GeoPolygon {
  exterior: GeoLineString;
  interiors?: GeoLineString[] | null;
}

export interface ValuesCount {
  lt?: number | null;
  gt?: number | null;
  gte?: number | null;
  lte?: number | null;
}

export interface FieldCondition {
  key: string;
  match?: Match | null;
  range?: RangeInterface | null;
  geo_bounding_box?: GeoBoundingBox | null;
  geo_radius?: GeoRadius | null;
  geo_polygon?: GeoPolygon | null;
  values_count?: ValuesCount | null;
  is_empty?: boolean | null;
  is_null?: boolean | null;
}

export interface PayloadField {
  key: string;
}

export interface IsEmptyCondition {
  is_empty: PayloadField;
}

export interface IsNullCondition {
  is_null: PayloadField;
}

export interface HasIdCondition {
  has_id: ExtendedPointId[];
}

export interface HasVectorCondition {
  has_vector: string;
}

/** One of `total` disjoint slices of the id space (v1.19). */
export interface Slice {
  total: number;
  index: number;
}

export interface SliceCondition {
  slice: Slice;
}

export interface Nested {
  key: string;
  filter: Filter;
}

export interface NestedCondition {
  nested: Nested;
}

export interface MinShould {
  conditions: Condition[];
  min_count: number;
}

export type Condition =
  | FieldCondition
  | IsEmptyCondition
  | IsNullCondition
  | HasIdCondition
  | HasVectorCondition
  | SliceCondition
  | NestedCondition
  | Filter;

export interface Filter {
  should?: Condition | Condition[] | null;
  min_should?: MinShould | null;
  must?: Condition | Condition[] | null;
  must_not?: Condition | Condition[] | null;
}
