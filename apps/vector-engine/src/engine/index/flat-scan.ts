import { BruteforceSearch } from 'hnswlib-node';

/**
 * The vectors of one named dense vector that are not in its graph (all of them in a collection
 * under the indexing threshold), in hnswlib's native brute-force index: an exact scan in
 * compiled SIMD code over contiguous memory instead of a JavaScript loop over a Map of points.
 *
 * Kept in step lazily: writes only note the label, and the next exact search applies the notes
 * (reading each vector back through `lookup`), so a write pays nothing and a burst of writes is
 * applied once.
 */
export class FlatScan {
  private scan: BruteforceSearch | undefined;
  private readonly members = new Set<number>();
  private readonly changed = new Set<number>();

  constructor(
    private readonly space: 'ip' | 'l2',
    private readonly size: number,
  ) {}

  /** The label's vector changed, left the scan's set, or was deleted. */
  note(label: number): void {
    this.changed.add(label);
  }

  get count(): number {
    return this.members.size;
  }

  /**
   * Applies the noted changes: each noted label that `lookup` still returns a vector for is in
   * the scan with that vector, every other one is out of it.
   */
  sync(lookup: (label: number) => Float32Array | undefined): void {
    if (this.changed.size === 0) return;
    for (const label of this.changed) {
      const vector = lookup(label);
      if (vector) this.put(label, vector, lookup);
      else if (this.members.delete(label)) this.scan?.removePoint(label);
    }
    this.changed.clear();
  }

  /** The `k` nearest labels by hnswlib's distance (1 - dot for ip, squared for l2). */
  search(query: Float32Array, k: number): number[] {
    const n = Math.min(k, this.members.size);
    if (!this.scan || n === 0) return [];
    return this.scan.searchKnn(Array.from(query), n).neighbors;
  }

  private put(
    label: number,
    vector: Float32Array,
    lookup: (label: number) => Float32Array | undefined,
  ): void {
    const current = this.scan;
    const roomy =
      current && (this.members.has(label) || current.getCurrentCount() < current.getMaxElements());
    const scan = roomy ? current : this.grow(lookup);
    scan.addPoint(Array.from(vector), label);
    this.members.add(label);
  }

  /**
   * A native index twice as large (it cannot grow in place, nor give its vectors back), filled
   * with the current members read through `lookup`; a member without a vector leaves.
   */
  private grow(lookup: (label: number) => Float32Array | undefined): BruteforceSearch {
    const next = new BruteforceSearch(this.space, this.size);
    next.initIndex(Math.max(1024, (this.scan?.getMaxElements() ?? 0) * 2));
    for (const label of this.members) {
      const vector = lookup(label);
      if (vector) next.addPoint(Array.from(vector), label);
      else this.members.delete(label);
    }
    this.scan = next;
    return next;
  }
}
