import type { LatLon } from './geo';
import type { PathSegment } from './payload-path';

// A validated filter, normalised so that the predicate compiler and the index planner never
// re-check the request: clauses are arrays, keys are parsed, datetimes are microseconds and every
// range is one interval.

/** An interval; an open side is ±Infinity with `inclusive` true. */
export interface Bounds {
  readonly min: number;
  readonly minInclusive: boolean;
  readonly max: number;
  readonly maxInclusive: boolean;
}

export interface FilterNode {
  readonly must: readonly ConditionNode[];
  /** Empty means no constraint, as in Qdrant. */
  readonly should: readonly ConditionNode[];
  readonly mustNot: readonly ConditionNode[];
  readonly minShould?: { readonly conditions: readonly ConditionNode[]; readonly minCount: number };
}

export type MatchNode =
  | { readonly kind: 'value'; readonly value: string | number | boolean }
  | { readonly kind: 'text' | 'text_any' | 'phrase' | 'prefix'; readonly text: string }
  | {
      readonly kind: 'any' | 'except';
      /** An empty list counts as a list of strings, as in Qdrant. */
      readonly valueType: 'string' | 'integer';
      readonly values: readonly (string | number)[];
    };

export type RangeNode = { readonly kind: 'number' | 'datetime'; readonly bounds: Bounds };

export interface FieldConditionNode {
  readonly kind: 'field';
  readonly key: string;
  readonly path: readonly PathSegment[];
  readonly match?: MatchNode;
  readonly range?: RangeNode;
  readonly geoRadius?: { readonly center: LatLon; readonly radius: number };
  readonly geoBoundingBox?: { readonly topLeft: LatLon; readonly bottomRight: LatLon };
  readonly geoPolygon?: {
    readonly exterior: readonly LatLon[];
    readonly interiors: readonly (readonly LatLon[])[];
  };
  readonly valuesCount?: Bounds;
  readonly isEmpty?: boolean;
  readonly isNull?: boolean;
}

export type ConditionNode =
  | FieldConditionNode
  | {
      readonly kind: 'is_empty' | 'is_null';
      readonly key: string;
      readonly path: readonly PathSegment[];
    }
  | { readonly kind: 'has_id'; readonly ids: ReadonlySet<number | string> }
  | { readonly kind: 'has_vector'; readonly name: string }
  | { readonly kind: 'slice'; readonly total: number; readonly index: number }
  | {
      readonly kind: 'nested';
      /** The key with `[]` appended, as index keys inside the nested filter start with it. */
      readonly arrayKey: string;
      readonly path: readonly PathSegment[];
      readonly filter: FilterNode;
    }
  | { readonly kind: 'filter'; readonly filter: FilterNode };
