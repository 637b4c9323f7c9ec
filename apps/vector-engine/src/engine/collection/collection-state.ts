import { join } from 'node:path';
import { compileFilter, type PointPredicate } from '../filter/compile-filter';
import { denseVectors, type CollectionConfig } from '../collection-config';
import { EngineError } from '../engine-error';
import { VectorIndex } from '../index/vector-index';
import { PayloadIndexSet } from '../payload-index/payload-index-set';
import { compareIds, pointKey, type PointId } from '../point-id';
import { IN_GRAPH, type PointRecord } from '../points/point-record';
import { SparseIndex } from '../index/sparse-index';

/**
 * The in-memory state of one collection: every point by label and by id, the graph of each
 * dense vector, the inverted index of each sparse vector, and the payload indexes. Writes go
 * through Collection, which stores them durably first.
 */
export class CollectionState {
  readonly points = new Map<number, PointRecord>();
  readonly labelsById = new Map<string, number>();
  readonly vectorIndexes = new Map<string, VectorIndex>();
  readonly sparseIndexes = new Map<string, SparseIndex>();
  readonly payloadIndexes = new PayloadIndexSet();
  /** Labels in id order, for scroll; rebuilt lazily after the set of ids changes. */
  private idOrderCache: number[] | undefined;

  constructor(
    public config: CollectionConfig,
    readonly dir: string,
  ) {
    this.rebuildIndexes();
  }

  /** (Re)creates the per-vector indexes from the config (at load and after a config change). */
  rebuildIndexes(): void {
    this.vectorIndexes.clear();
    for (const [name, params] of denseVectors(this.config)) {
      const hnsw = { ...this.config.hnsw_config, ...(params.hnsw_config ?? {}) };
      this.vectorIndexes.set(
        name,
        new VectorIndex({
          distance: params.distance,
          size: params.size,
          m: Number(hnsw.m),
          efConstruct: Number(hnsw.ef_construct),
          indexingThresholdKb: this.config.optimizer_config.indexing_threshold,
          file: join(this.dir, `hnsw-${Buffer.from(name).toString('hex') || 'default'}.bin`),
          quantization: scalarQuantization(
            params.quantization_config ?? this.config.quantization_config,
          ),
        }),
      );
    }
    this.sparseIndexes.clear();
    for (const [name, params] of Object.entries(this.config.params.sparse_vectors ?? {})) {
      this.sparseIndexes.set(name, new SparseIndex(params.modifier === 'idf'));
    }
  }

  /** A point's float32 vector, read back from its graph when only int8 codes are in memory. */
  vectorOf(record: PointRecord, name: string): Float32Array | undefined {
    const vector = record.vectors.get(name);
    return vector === IN_GRAPH ? this.vectorIndexes.get(name)?.original(record.label) : vector;
  }

  /** Every dense vector of a point as float32 (for storage and output). */
  fullVectors(record: PointRecord): Map<string, Float32Array> {
    const vectors = new Map<string, Float32Array>();
    for (const name of record.vectors.keys()) {
      const vector = this.vectorOf(record, name);
      if (vector) vectors.set(name, vector);
    }
    return vectors;
  }

  get(id: PointId): PointRecord | undefined {
    const label = this.labelsById.get(pointKey(id));
    return label === undefined ? undefined : this.points.get(label);
  }

  mustGet(id: PointId): PointRecord {
    const record = this.get(id);
    if (!record) throw EngineError.notFound(`No point with id ${id} found`);
    return record;
  }

  idOrder(): number[] {
    if (!this.idOrderCache) {
      const records = [...this.points.values()].sort((a, b) => compareIds(a.id, b.id));
      this.idOrderCache = records.map((record) => record.label);
    }
    return this.idOrderCache;
  }

  /** Compiles a request filter, with full-text matching where the field has a text index. */
  predicate(filter: unknown): PointPredicate | undefined {
    if (filter === undefined || filter === null) return undefined;
    try {
      return compileFilter(filter, {
        textTokenizer: (key: string) => this.payloadIndexes.textTokenizer(key),
      });
    } catch (error) {
      throw EngineError.badInput(error instanceof Error ? error.message : String(error));
    }
  }

  /** Point matches a compiled filter. */
  matches(record: PointRecord, predicate: PointPredicate | undefined): boolean {
    if (!predicate) return true;
    // This runs per candidate inside graph searches: the vector names, needed only by
    // has_vector conditions, are listed on demand rather than for every point.
    return predicate({
      id: record.id,
      payload: record.payload,
      get vectorNames() {
        return [...record.vectors.keys(), ...record.sparse.keys()];
      },
    });
  }

  /** Labels of the points matching `filter`, using payload indexes to narrow the scan. */
  matchingLabels(filter: unknown): number[] {
    const predicate = this.predicate(filter);
    const candidates =
      filter === undefined || filter === null ? undefined : this.payloadIndexes.candidates(filter);
    const labels: number[] = [];
    const source = candidates ?? this.points.keys();
    for (const label of source) {
      const record = this.points.get(label);
      if (record && this.matches(record, predicate)) labels.push(label);
    }
    return labels;
  }

  /** Adds a record to memory and every index (the caller has stored it). */
  attach(record: PointRecord, vectorsChanged: boolean): void {
    if (!this.points.has(record.label)) this.idOrderCache = undefined;
    this.points.set(record.label, record);
    this.labelsById.set(pointKey(record.id), record.label);
    this.payloadIndexes.add(record.label, record.payload);
    if (vectorsChanged) {
      for (const [name, index] of this.vectorIndexes) {
        if (record.vectors.has(name)) index.markChanged(record.label);
        else index.markDeleted(record.label);
      }
      for (const [name, index] of this.sparseIndexes) {
        index.remove(record.label);
        const vector = record.sparse.get(name);
        if (vector) index.add(record.label, vector);
      }
    }
  }

  /** Removes a record from memory and every index. */
  detach(record: PointRecord): void {
    this.payloadIndexes.remove(record.label, record.payload);
    for (const index of this.vectorIndexes.values()) index.markDeleted(record.label);
    for (const index of this.sparseIndexes.values()) index.remove(record.label);
    this.points.delete(record.label);
    this.labelsById.delete(pointKey(record.id));
    this.idOrderCache = undefined;
  }

  /** Swaps a point's payload, keeping the payload indexes in step. */
  replacePayload(record: PointRecord, payload: PointRecord['payload']): void {
    this.payloadIndexes.remove(record.label, record.payload);
    record.payload = payload;
    this.payloadIndexes.add(record.label, payload);
  }

  indexedVectorsCount(): number {
    let count = 0;
    for (const index of this.vectorIndexes.values()) count += index.indexed.size;
    return count;
  }

  pendingVectorsCount(): number {
    let count = 0;
    for (const index of this.vectorIndexes.values()) {
      if (index.worthIndexing(this.points.size)) count += index.pending.size;
    }
    return count;
  }
}

function scalarQuantization(
  config: Record<string, unknown> | null | undefined,
): { quantile: number } | null {
  const scalar = config?.['scalar'] as Record<string, unknown> | undefined;
  if (!scalar || scalar['type'] !== 'int8') return null;
  const quantile = scalar['quantile'];
  return { quantile: typeof quantile === 'number' ? quantile : 0.99 };
}
