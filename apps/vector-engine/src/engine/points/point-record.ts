import type { PointId } from '../point-id';

/**
 * Stands in for a float32 vector that lives only in its HNSW graph: with int8 quantization
 * the engine keeps the compact codes in memory and reads originals back from the graph.
 */
export const IN_GRAPH = new Float32Array(0);

export type Payload = Record<string, unknown>;

export interface SparseVector {
  indices: number[];
  values: number[];
}

/** A point as held in memory; `label` is the engine's internal number for it. */
export interface PointRecord {
  label: number;
  id: PointId;
  version: number;
  payload: Payload;
  vectors: Map<string, Float32Array>;
  sparse: Map<string, SparseVector>;
}
