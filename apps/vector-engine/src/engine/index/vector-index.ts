import { existsSync, renameSync } from 'node:fs';
import { HierarchicalNSW } from 'hnswlib-node';
import type { Distance } from '../distance';
import { FlatScan } from './flat-scan';
import { ScalarQuantizer, type QuantizerBounds } from './scalar-quantizer';

export interface VectorIndexOptions {
  distance: Distance;
  size: number;
  m: number;
  efConstruct: number;
  /** KB of vectors from which the HNSW graph is worth building (Qdrant's indexing_threshold). */
  indexingThresholdKb: number | null;
  file: string;
  /** Scalar int8 quantization asked for by the collection (quantile of values kept). */
  quantization: { quantile: number } | null;
}

export interface HnswHit {
  label: number;
  score: number;
}

const INITIAL_CAPACITY = 1024;

/**
 * The HNSW graph of one named dense vector, kept off the write path like Qdrant's indexed
 * segments: a write only marks the point pending (it is then scored exactly by search); the
 * background indexer moves pending points into the graph in small slices.
 */
export class VectorIndex {
  private hnsw: HierarchicalNSW | undefined;
  /** Labels whose current vector is in the graph. */
  readonly indexed = new Set<number>();
  /** Labels whose current vector is not in the graph yet (each change noted by the scan). */
  readonly pending: Set<number> = new NotingSet((label) => this.flatScan?.note(label));
  /** The pending vectors in a native exact scan; none for Manhattan (hnswlib has no L1). */
  private readonly flatScan: FlatScan | undefined;
  /** The graph changed since the last checkpoint file. */
  dirty = false;
  quantizer: ScalarQuantizer | undefined;
  /** int8 codes (and squared norm) of the indexed vectors whose float32 copy was dropped. */
  readonly codes = new Map<number, { codes: Int8Array; squaredNorm: number }>();

  constructor(private readonly options: VectorIndexOptions) {
    if (options.distance !== 'Manhattan')
      this.flatScan = new FlatScan(options.distance === 'Euclid' ? 'l2' : 'ip', options.size);
  }

  /**
   * The `k` best pending labels for `query` by the native exact scan (no filter: see
   * scanPending); `lookup` gives a label's current vector. Undefined when there is no native
   * scan for this distance.
   */
  nearestPending(
    query: Float32Array,
    k: number,
    lookup: (label: number) => Float32Array | undefined,
  ): number[] | undefined {
    if (!this.flatScan) return undefined;
    this.flatScan.sync((label) => (this.pending.has(label) ? lookup(label) : undefined));
    return this.flatScan.search(query, k);
  }

  get supportsGraph(): boolean {
    // hnswlib has no L1 space; Manhattan collections are always searched exactly.
    return this.options.distance !== 'Manhattan' && this.options.indexingThresholdKb !== 0;
  }

  get built(): boolean {
    return this.hnsw !== undefined;
  }

  /** Whether `pointCount` vectors are enough to index, per the indexing threshold. */
  worthIndexing(pointCount: number): boolean {
    if (!this.supportsGraph) return false;
    if (this.hnsw) return true;
    const thresholdKb = this.options.indexingThresholdKb ?? 10_000;
    return (pointCount * this.options.size * 4) / 1024 >= thresholdKb;
  }

  /** A new or changed vector: out of the graph until the indexer re-adds it. */
  markChanged(label: number): void {
    this.codes.delete(label);
    if (this.indexed.delete(label)) {
      this.hnsw?.markDelete(label);
      this.dirty = true;
    }
    this.pending.add(label);
  }

  markDeleted(label: number): void {
    this.codes.delete(label);
    this.pending.delete(label);
    if (this.indexed.delete(label)) {
      this.hnsw?.markDelete(label);
      this.dirty = true;
    }
  }

  /** Adds one pending vector to the graph. */
  indexOne(label: number, vector: Float32Array): void {
    const hnsw = this.ensureGraph();
    if (hnsw.getCurrentCount() >= hnsw.getMaxElements())
      hnsw.resizeIndex(hnsw.getMaxElements() * 2);
    hnsw.addPoint(Array.from(vector), label);
    this.pending.delete(label);
    this.indexed.add(label);
    this.dirty = true;
  }

  get wantsQuantization(): boolean {
    return this.options.quantization !== null && this.supportsGraph;
  }

  /** Sets up the quantizer from saved bounds, or fits it to a sample of the data. */
  initQuantizer(
    bounds: QuantizerBounds | undefined,
    sample: () => Float32Array[],
  ): QuantizerBounds | undefined {
    if (!this.options.quantization) return undefined;
    this.quantizer = bounds
      ? new ScalarQuantizer(bounds, this.options.distance)
      : ScalarQuantizer.fit(sample(), this.options.quantization.quantile, this.options.distance);
    return this.quantizer.bounds;
  }

  /** Keeps the int8 codes of an indexed vector so its float32 copy can be dropped. */
  storeCodes(label: number, vector: Float32Array): boolean {
    if (!this.quantizer || !this.indexed.has(label)) return false;
    let squaredNorm = 0;
    for (const x of vector) squaredNorm += x * x;
    this.codes.set(label, { codes: this.quantizer.encode(vector), squaredNorm });
    return true;
  }

  /** The float32 vector as stored in the graph. */
  original(label: number): Float32Array | undefined {
    if (!this.hnsw || !this.indexed.has(label)) return undefined;
    return Float32Array.from(this.hnsw.getPoint(label));
  }

  /** Graph search; `accept` restricts to labels that pass the request's filter. */
  search(
    query: Float32Array,
    k: number,
    ef: number,
    accept?: (label: number) => boolean,
  ): HnswHit[] {
    if (!this.hnsw || this.indexed.size === 0) return [];
    this.hnsw.setEf(Math.max(ef, k));
    const result = this.hnsw.searchKnn(Array.from(query), Math.min(k, this.indexed.size), accept);
    const hits: HnswHit[] = [];
    for (let i = 0; i < result.neighbors.length; i++) {
      hits.push({ label: result.neighbors[i], score: this.toScore(result.distances[i]) });
    }
    return hits;
  }

  private toScore(distance: number): number {
    // hnswlib's ip space returns 1 - dot, its l2 space the squared distance.
    return this.options.distance === 'Euclid' ? Math.sqrt(distance) : 1 - distance;
  }

  private ensureGraph(): HierarchicalNSW {
    if (!this.hnsw) {
      this.hnsw = new HierarchicalNSW(
        this.options.distance === 'Euclid' ? 'l2' : 'ip',
        this.options.size,
      );
      this.hnsw.initIndex(
        INITIAL_CAPACITY,
        this.options.m || 16,
        this.options.efConstruct,
        100,
        false,
      );
    }
    return this.hnsw;
  }

  /** Writes the graph to its file (atomically, through a rename). */
  checkpoint(): void {
    if (!this.hnsw) return;
    const temporary = `${this.options.file}.tmp`;
    this.hnsw.writeIndexSync(temporary);
    renameSync(temporary, this.options.file);
    this.dirty = false;
  }

  /**
   * Loads the graph file written at a checkpoint. Returns the labels it holds; the caller
   * reconciles them with the stored points (deleted or changed since are marked).
   */
  restore(): number[] {
    if (!existsSync(this.options.file)) return [];
    const hnsw = new HierarchicalNSW(
      this.options.distance === 'Euclid' ? 'l2' : 'ip',
      this.options.size,
    );
    hnsw.readIndexSync(this.options.file, false);
    this.hnsw = hnsw;
    return hnsw.getIdsList();
  }

  /** After restore: this label's stored vector is the one in the graph. */
  adoptIndexed(label: number): void {
    this.indexed.add(label);
  }

  /** After restore: a label in the graph that no longer exists or changed since. */
  dropFromGraph(label: number): void {
    this.indexed.delete(label);
    try {
      this.hnsw?.markDelete(label);
    } catch {
      // Already marked deleted in the file: nothing to do.
    }
  }
}

/** A Set that reports each label added or deleted, so a mirror of it can follow. */
class NotingSet extends Set<number> {
  constructor(private readonly onChange: (label: number) => void) {
    super();
  }

  override add(label: number): this {
    super.add(label);
    this.onChange(label);
    return this;
  }

  override delete(label: number): boolean {
    const deleted = super.delete(label);
    if (deleted) this.onChange(label);
    return deleted;
  }

  override clear(): void {
    for (const label of this) this.onChange(label);
    super.clear();
  }
}
