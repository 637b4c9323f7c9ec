import type { LabelIndex } from './label-index';

/**
 * An inverted index: for each key (keyword, UUID, boolean or text token) the labels holding it.
 * `keysOf` turns a point's field values into its keys; values it does not return are not indexed.
 */
export class PostingsIndex<K> implements LabelIndex {
  private readonly postings = new Map<K, Set<number>>();
  // Each label's keys, so that removal does not depend on the caller's copy of the payload.
  private readonly keysByLabel = new Map<number, readonly K[]>();

  constructor(private readonly keysOf: (values: readonly unknown[]) => Iterable<K>) {}

  get points(): number {
    return this.keysByLabel.size;
  }

  add(label: number, values: readonly unknown[]): void {
    this.remove(label);
    const keys = [...new Set(this.keysOf(values))];
    if (keys.length === 0) return;
    this.keysByLabel.set(label, keys);
    for (const key of keys) {
      let labels = this.postings.get(key);
      if (!labels) this.postings.set(key, (labels = new Set()));
      labels.add(label);
    }
  }

  remove(label: number): void {
    const keys = this.keysByLabel.get(label);
    if (!keys) return;
    this.keysByLabel.delete(label);
    for (const key of keys) {
      const labels = this.postings.get(key);
      labels?.delete(label);
      if (labels?.size === 0) this.postings.delete(key);
    }
  }

  /** The labels holding `key` (live: copy before changing). */
  get(key: K): ReadonlySet<number> | undefined {
    return this.postings.get(key);
  }

  keys(): IterableIterator<K> {
    return this.postings.keys();
  }
}
