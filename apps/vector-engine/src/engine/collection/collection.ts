import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { applyCollectionUpdate, type CollectionConfig } from '../collection-config';
import { EngineError } from '../engine-error';
import type { PayloadSchemaType } from '../payload-index/payload-index-set';
import { keyToPointId, pointKey, type PointId } from '../point-id';
import {
  IN_GRAPH,
  type Payload,
  type PointRecord,
  type SparseVector,
} from '../points/point-record';
import type { QuantizerBounds } from '../index/scalar-quantizer';
import type { ParsedVectors } from '../points/vector-input';
import { PointStore, type StoredRow } from '../storage/point-store';
import { decodeVectorsWith, encodeVectors } from '../storage/vector-codec';
import { CollectionState } from './collection-state';

export interface NewPoint {
  id: PointId;
  vectors: ParsedVectors;
  payload: Payload;
}

const INDEXES_META = 'payload_indexes';

/**
 * One collection: every write is stored durably (one SQLite transaction) before it touches
 * memory, so what a `wait=true` write acknowledged survives a crash, and a failed write
 * changes nothing.
 */
export class Collection {
  private nextLabel = 1;
  private operation = 0;
  private payloadIndexDefs: Record<
    string,
    { type: PayloadSchemaType; params?: Record<string, unknown> }
  > = {};

  private constructor(
    readonly name: string,
    readonly state: CollectionState,
    private readonly store: PointStore,
  ) {}

  static create(name: string, dir: string, config: CollectionConfig): Collection {
    mkdirSync(dir, { recursive: true });
    const store = new PointStore(join(dir, 'points.sqlite'));
    store.commit([], [], { config: JSON.stringify(config), name });
    return new Collection(name, new CollectionState(config, dir), store);
  }

  /** Opens a collection stored in `dir`: points from SQLite, graphs from their last checkpoint. */
  static open(dir: string): Collection {
    const store = new PointStore(join(dir, 'points.sqlite'));
    const config = JSON.parse(store.getMeta('config') ?? 'null') as CollectionConfig | null;
    const name = store.getMeta('name');
    if (!config || !name) throw new Error(`${dir} holds no collection`);
    const collection = new Collection(name, new CollectionState(config, dir), store);
    collection.load();
    return collection;
  }

  private load(): void {
    const state = this.state;
    this.payloadIndexDefs = JSON.parse(
      this.store.getMeta(INDEXES_META) ?? '{}',
    ) as typeof this.payloadIndexDefs;
    for (const [field, def] of Object.entries(this.payloadIndexDefs)) {
      state.payloadIndexes.create(field, def.type, def.params);
    }
    const graphs = this.restoreGraphFiles();
    let maxLabel = 0;
    for (const row of this.store.rows()) {
      const keep = (name: string, scratch: Float32Array): Float32Array => {
        const graph = graphs.get(name);
        const index = state.vectorIndexes.get(name);
        if (graph && index && graph.labels.has(row.label) && row.version <= graph.checkpoint) {
          index.adoptIndexed(row.label);
          // A quantized vector in its graph keeps only its codes in memory.
          if (index.storeCodes(row.label, scratch)) return IN_GRAPH;
        }
        return scratch.slice();
      };
      const record: PointRecord = {
        label: row.label,
        id: keyToPointId(row.key),
        version: row.version,
        payload: JSON.parse(row.payload) as Payload,
        vectors: decodeVectorsWith(row.vectors, keep),
        sparse: new Map(
          Object.entries(JSON.parse(row.sparse ?? '{}') as Record<string, SparseVector>),
        ),
      };
      maxLabel = Math.max(maxLabel, row.label);
      state.points.set(record.label, record);
      state.labelsById.set(row.key, record.label);
      state.payloadIndexes.add(record.label, record.payload);
      for (const [name, vector] of record.sparse)
        state.sparseIndexes.get(name)?.add(record.label, vector);
    }
    this.nextLabel = Math.max(Number(this.store.getMeta('next_label') ?? 1), maxLabel + 1);
    this.operation = Number(this.store.getMeta('operation') ?? 0);
    this.reconcileGraphs(graphs);
  }

  /**
   * Graph files are checkpoints, loaded before the points so each stored vector can be matched
   * with its graph entry as it is read. Quantizers with saved bounds are ready at that point.
   */
  private restoreGraphFiles(): Map<string, { labels: Set<number>; checkpoint: number }> {
    const graphs = new Map<string, { labels: Set<number>; checkpoint: number }>();
    for (const [name, index] of this.state.vectorIndexes) {
      const checkpoint = Number(this.store.getMeta(`hnsw:${name}`) ?? -1);
      if (checkpoint < 0) continue;
      graphs.set(name, { labels: new Set(index.restore()), checkpoint });
      if (this.store.getMeta(`quant:${name}`)) this.ensureQuantizer(name);
    }
    return graphs;
  }

  /** Points changed or deleted since a checkpoint leave the graph and are queued again. */
  private reconcileGraphs(graphs: Map<string, { labels: Set<number>; checkpoint: number }>): void {
    for (const [name, index] of this.state.vectorIndexes) {
      for (const label of graphs.get(name)?.labels ?? []) {
        if (!index.indexed.has(label)) index.dropFromGraph(label);
      }
      for (const record of this.state.points.values()) {
        if (record.vectors.has(name) && !index.indexed.has(record.label))
          index.pending.add(record.label);
      }
      if (index.wantsQuantization && index.indexed.size > 0) {
        this.ensureQuantizer(name);
        for (const label of index.indexed) this.dropToCodes(name, label);
      }
    }
  }

  /** Quantizer bounds are fitted once, stored, and reused after restarts. */
  private ensureQuantizer(name: string): void {
    const index = this.state.vectorIndexes.get(name);
    if (!index || index.quantizer || !index.wantsQuantization) return;
    const saved = this.store.getMeta(`quant:${name}`);
    const bounds = index.initQuantizer(
      saved ? (JSON.parse(saved) as QuantizerBounds) : undefined,
      () => {
        const sample: Float32Array[] = [];
        for (const record of this.state.points.values()) {
          const vector = record.vectors.get(name);
          if (vector && vector !== IN_GRAPH) sample.push(vector);
          if (sample.length >= 10_000) break;
        }
        return sample;
      },
    );
    if (bounds && !saved) this.store.setMeta(`quant:${name}`, JSON.stringify(bounds));
  }

  /** With quantization, an indexed vector's float32 copy leaves memory; its codes stay. */
  private dropToCodes(name: string, label: number): void {
    const record = this.state.points.get(label);
    const vector = record?.vectors.get(name);
    if (!record || !vector || vector === IN_GRAPH) return;
    if (this.state.vectorIndexes.get(name)?.storeCodes(label, vector))
      record.vectors.set(name, IN_GRAPH);
  }

  get config(): CollectionConfig {
    return this.state.config;
  }

  private toRow(record: PointRecord): StoredRow {
    return {
      label: record.label,
      key: pointKey(record.id),
      version: record.version,
      payload: JSON.stringify(record.payload),
      vectors: encodeVectors(this.state.fullVectors(record)),
      sparse: record.sparse.size === 0 ? null : JSON.stringify(Object.fromEntries(record.sparse)),
    };
  }

  /** Stores new versions of points and deletions as one transaction; returns the operation id. */
  private commit(records: PointRecord[], deleted: PointRecord[]): number {
    const operation = this.operation + 1;
    for (const record of records) record.version = operation;
    this.store.commit(
      records.map((record) => this.toRow(record)),
      deleted.map((record) => record.label),
      { operation: String(operation), next_label: String(this.nextLabel) },
    );
    this.operation = operation;
    return operation;
  }

  upsert(
    points: NewPoint[],
    mode: 'upsert' | 'insert_only' | 'update_only' = 'upsert',
    updateFilter?: unknown,
  ): number {
    const predicate = this.state.predicate(updateFilter);
    const latest = new Map<string, NewPoint>();
    for (const point of points) latest.set(pointKey(point.id), point);
    const records: PointRecord[] = [];
    const replaced: PointRecord[] = [];
    for (const point of latest.values()) {
      const existing = this.state.get(point.id);
      if (existing && (mode === 'insert_only' || !this.state.matches(existing, predicate)))
        continue;
      if (!existing && mode === 'update_only') continue;
      if (existing) replaced.push(existing);
      records.push({
        label: existing?.label ?? this.nextLabel++,
        id: point.id,
        version: 0,
        payload: point.payload,
        vectors: point.vectors.dense,
        sparse: point.vectors.sparse,
      });
    }
    const operation = this.commit(records, []);
    for (const record of replaced) this.state.detach(record);
    for (const record of records) this.state.attach(record, true);
    return operation;
  }

  delete(labels: number[]): number {
    const records = labels
      .map((label) => this.state.points.get(label))
      .filter((r): r is PointRecord => !!r);
    const operation = this.commit([], records);
    for (const record of records) this.state.detach(record);
    return operation;
  }

  /** New payloads for existing points, computed from the current ones. */
  updatePayloads(labels: number[], change: (payload: Payload) => Payload): number {
    const updates = labels
      .map((label) => this.state.points.get(label))
      .filter((r): r is PointRecord => !!r)
      .map((record) => ({ record, next: { ...record, payload: change(record.payload) } }));
    const operation = this.commit(
      updates.map((u) => u.next),
      [],
    );
    for (const { record, next } of updates) {
      this.state.replacePayload(record, next.payload);
      record.version = operation;
    }
    return operation;
  }

  /** Replaces (`set`) or removes (`remove`) some named vectors of existing points. */
  updateVectors(changes: { label: number; set?: ParsedVectors; remove?: string[] }[]): number {
    const updates = changes.map(({ label, set, remove }) => {
      const record = this.state.points.get(label);
      if (!record) throw EngineError.notFound(`No point with label ${label} found`);
      const vectors = new Map(this.state.fullVectors(record));
      const sparse = new Map(record.sparse);
      for (const [name, vector] of set?.dense ?? []) vectors.set(name, vector);
      for (const [name, vector] of set?.sparse ?? []) sparse.set(name, vector);
      for (const name of remove ?? []) {
        vectors.delete(name);
        sparse.delete(name);
      }
      return { record, next: { ...record, vectors, sparse } };
    });
    const operation = this.commit(
      updates.map((u) => u.next),
      [],
    );
    for (const { record, next } of updates) {
      this.state.detach(record);
      this.state.attach(next, true);
    }
    return operation;
  }

  createPayloadIndex(
    field: string,
    type: PayloadSchemaType,
    params?: Record<string, unknown>,
  ): number {
    this.state.payloadIndexes.create(field, type, params);
    for (const record of this.state.points.values()) {
      this.state.payloadIndexes.remove(record.label, record.payload);
      this.state.payloadIndexes.add(record.label, record.payload);
    }
    this.payloadIndexDefs[field] = params ? { type, params } : { type };
    return this.saveIndexDefs();
  }

  deletePayloadIndex(field: string): number {
    this.state.payloadIndexes.drop(field);
    delete this.payloadIndexDefs[field];
    return this.saveIndexDefs();
  }

  private saveIndexDefs(): number {
    this.operation += 1;
    this.store.commit([], [], {
      [INDEXES_META]: JSON.stringify(this.payloadIndexDefs),
      operation: String(this.operation),
    });
    return this.operation;
  }

  updateConfig(body: unknown): void {
    const config = applyCollectionUpdate(this.state.config, body);
    this.store.commit([], [], { config: JSON.stringify(config) });
    this.state.config = config;
  }

  /**
   * Background indexing: moves pending vectors into their graphs for at most `budgetMs`, so a
   * slice never holds the event loop for long. Checkpoints a graph once it has caught up.
   * Returns whether work remains.
   */
  indexSlice(budgetMs: number): boolean {
    const deadline = performance.now() + budgetMs;
    let remaining = false;
    for (const [name, index] of this.state.vectorIndexes) {
      if (index.pending.size === 0 || !index.worthIndexing(this.state.points.size)) continue;
      this.ensureQuantizer(name);
      for (const label of index.pending) {
        const vector = this.state.points.get(label)?.vectors.get(name);
        if (vector && vector !== IN_GRAPH) {
          index.indexOne(label, vector);
          this.dropToCodes(name, label);
        } else index.pending.delete(label);
        if (performance.now() >= deadline) break;
      }
      if (index.pending.size > 0) remaining = true;
      else if (index.dirty) this.checkpointGraph(name);
      if (performance.now() >= deadline) return remaining || index.pending.size > 0;
    }
    return remaining;
  }

  private checkpointGraph(name: string): void {
    const index = this.state.vectorIndexes.get(name);
    if (!index || index.pending.size > 0) return;
    index.checkpoint();
    this.store.setMeta(`hnsw:${name}`, String(this.operation));
  }

  info(): Record<string, unknown> {
    const pending = this.state.pendingVectorsCount();
    return {
      status: pending > 0 ? 'yellow' : 'green',
      optimizer_status: 'ok',
      indexed_vectors_count: this.state.indexedVectorsCount(),
      points_count: this.state.points.size,
      segments_count: 1,
      config: this.state.config,
      payload_schema: this.state.payloadIndexes.schema(),
    };
  }

  async backup(destination: string): Promise<void> {
    await this.store.backup(destination);
  }

  /** Checkpoints caught-up graphs and closes the database. */
  close(): void {
    for (const [name, index] of this.state.vectorIndexes) {
      if (index.dirty && index.pending.size === 0) this.checkpointGraph(name);
    }
    this.store.close();
  }
}
