/** What every payload index does: hold the values of one field per point label. */
export interface LabelIndex {
  /** Indexes the field's values for `label`, replacing what it held for that label. */
  add(label: number, values: readonly unknown[]): void;
  remove(label: number): void;
  /** Labels with at least one indexed value. */
  readonly points: number;
}
