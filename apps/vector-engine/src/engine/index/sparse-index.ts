import type { SparseVector } from '../points/point-record';

export interface SparseHit {
  label: number;
  score: number;
}

/**
 * Inverted index of one named sparse vector: exact dot-product search over the postings of
 * the query's dimensions. With the `idf` modifier each dimension's weight is scaled by its
 * inverse document frequency, computed from the live postings as Qdrant does (BM25's idf).
 */
export class SparseIndex {
  private readonly postings = new Map<number, Map<number, number>>();
  private readonly vectors = new Map<number, SparseVector>();

  constructor(private readonly idf: boolean) {}

  get size(): number {
    return this.vectors.size;
  }

  add(label: number, vector: SparseVector): void {
    this.vectors.set(label, vector);
    for (let i = 0; i < vector.indices.length; i++) {
      let posting = this.postings.get(vector.indices[i]);
      if (!posting) this.postings.set(vector.indices[i], (posting = new Map()));
      posting.set(label, vector.values[i]);
    }
  }

  remove(label: number): void {
    const vector = this.vectors.get(label);
    if (!vector) return;
    this.vectors.delete(label);
    for (const index of vector.indices) {
      const posting = this.postings.get(index);
      posting?.delete(label);
      if (posting?.size === 0) this.postings.delete(index);
    }
  }

  private weight(index: number): number {
    if (!this.idf) return 1;
    const n = this.postings.get(index)?.size ?? 0;
    const total = this.vectors.size;
    return Math.log((total - n + 0.5) / (n + 0.5) + 1);
  }

  /** Scores every point sharing a dimension with the query; `accept` applies the filter. */
  search(query: SparseVector, accept?: (label: number) => boolean): SparseHit[] {
    const scores = new Map<number, number>();
    for (let i = 0; i < query.indices.length; i++) {
      const posting = this.postings.get(query.indices[i]);
      if (!posting) continue;
      const weight = query.values[i] * this.weight(query.indices[i]);
      for (const [label, value] of posting)
        scores.set(label, (scores.get(label) ?? 0) + weight * value);
    }
    const hits: SparseHit[] = [];
    for (const [label, score] of scores) if (!accept || accept(label)) hits.push({ label, score });
    return hits;
  }
}
