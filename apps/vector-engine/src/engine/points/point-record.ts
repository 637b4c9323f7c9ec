import type { PointId } from '../point-id';

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
