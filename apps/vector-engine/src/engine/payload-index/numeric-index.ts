import type { Bounds } from '../filter/filter-node.types';
import { boundsCheck } from '../filter/parse-helpers';
import { built, type Candidates } from './candidates';
import type { LabelIndex } from './label-index';

export interface OrderedValue {
  label: number;
  value: number;
}

/**
 * The numbers of a field (integers, floats or datetimes as microseconds) sorted by (value,
 * label), for range queries and order_by. Writes only mark labels as touched; the next read
 * merges them in, so a batch of upserts costs one merge rather than one re-sort each.
 */
export class NumericIndex implements LabelIndex {
  private readonly valuesByLabel = new Map<number, readonly number[]>();
  private sortedValues = new Float64Array(0);
  private sortedLabels = new Float64Array(0);
  private readonly touched = new Set<number>();
  // Labels with numbers this index does not hold but a range condition matches (fractions in an
  // integer field), so that range candidates stay a superset of the matches.
  private readonly strays = new Set<number>();

  /**
   * @param valueOf the indexed number of a payload value, or undefined to skip it
   * @param isStray whether a skipped value can still satisfy a range condition
   */
  constructor(
    private readonly valueOf: (value: unknown) => number | undefined,
    private readonly isStray: (value: unknown) => boolean = () => false,
  ) {}

  get points(): number {
    return this.valuesByLabel.size;
  }

  add(label: number, values: readonly unknown[]): void {
    this.remove(label);
    const numbers = new Set<number>();
    for (const value of values) {
      const number = this.valueOf(value);
      if (number !== undefined) numbers.add(number);
      else if (this.isStray(value)) this.strays.add(label);
    }
    if (numbers.size > 0) this.valuesByLabel.set(label, [...numbers]);
    this.touched.add(label);
  }

  remove(label: number): void {
    if (this.valuesByLabel.delete(label)) this.touched.add(label);
    this.strays.delete(label);
  }

  /** Labels with a value within `bounds`, plus strays unless `withStrays` is false. */
  range(bounds: Bounds, withStrays = true): Candidates {
    this.merge();
    const values = this.sortedValues;
    const sortedLabels = this.sortedLabels;
    const first = lowerBound(values, bounds.min, bounds.minInclusive);
    const end = lowerBound(values, bounds.max, !bounds.maxInclusive);
    const strays = withStrays ? this.strays : new Set<number>();
    const inRange = boundsCheck(bounds);
    return built({
      size: Math.max(0, end - first) + strays.size,
      has: (label) => strays.has(label) || (this.valuesByLabel.get(label)?.some(inRange) ?? false),
      build: () => {
        const labels = new Set(strays);
        for (let i = first; i < end; i++) labels.add(sortedLabels[i]);
        return labels;
      },
    });
  }

  /**
   * Every (label, value) pair in value order, a label once per distinct value, from `startFrom`
   * on (inclusive: at least it ascending, at most it descending).
   */
  *ordered(direction: 'asc' | 'desc', startFrom?: number): Generator<OrderedValue> {
    this.merge();
    const values = this.sortedValues;
    const labels = this.sortedLabels;
    if (direction === 'asc') {
      const first = startFrom === undefined ? 0 : lowerBound(values, startFrom, true);
      for (let i = first; i < values.length; i++) yield { label: labels[i], value: values[i] };
    } else {
      const last = startFrom === undefined ? values.length : lowerBound(values, startFrom, false);
      for (let i = last - 1; i >= 0; i--) yield { label: labels[i], value: values[i] };
    }
  }

  private merge(): void {
    if (this.touched.size === 0) return;
    const fresh: OrderedValue[] = [];
    for (const label of this.touched) {
      for (const value of this.valuesByLabel.get(label) ?? []) fresh.push({ label, value });
    }
    fresh.sort((a, b) => a.value - b.value || a.label - b.label);
    const oldValues = this.sortedValues;
    const oldLabels = this.sortedLabels;
    let kept = 0;
    for (let i = 0; i < oldLabels.length; i++) if (!this.touched.has(oldLabels[i])) kept++;
    const values = new Float64Array(kept + fresh.length);
    const labels = new Float64Array(kept + fresh.length);
    let i = 0;
    let j = 0;
    for (let out = 0; out < values.length; out++) {
      while (i < oldLabels.length && this.touched.has(oldLabels[i])) i++;
      const takeOld =
        j >= fresh.length ||
        (i < oldLabels.length &&
          (oldValues[i] < fresh[j].value ||
            (oldValues[i] === fresh[j].value && oldLabels[i] < fresh[j].label)));
      if (takeOld) {
        values[out] = oldValues[i];
        labels[out] = oldLabels[i++];
      } else {
        values[out] = fresh[j].value;
        labels[out] = fresh[j++].label;
      }
    }
    this.sortedValues = values;
    this.sortedLabels = labels;
    this.touched.clear();
  }
}

/** The first index whose value is above `min` (or equal to it when `inclusive`). */
function lowerBound(values: Float64Array, min: number, inclusive: boolean): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (values[mid] < min || (!inclusive && values[mid] === min)) low = mid + 1;
    else high = mid;
  }
  return low;
}
