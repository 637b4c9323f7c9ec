import {
  ErrorCode,
  KEYWORD_VECTOR,
  PlatformError,
  type PointId,
  type PointRecord,
  type SparseVector,
} from '@aip/contracts';
import type { CollectionMeta } from '../collections/collections.service';
import { callerView } from '../tenancy/tenant-point-ids';

/** The unnamed dense vector's key in a map of named vectors. */
const DENSE_VECTOR = '';

export function checkDimension(meta: CollectionMeta, vector: number[], where: string): void {
  if (vector.length !== meta.size) {
    throw new PlatformError(
      ErrorCode.ValidationFailed,
      `${where}: vector has ${vector.length} dimensions; this collection takes ${meta.size}${meta.model ? ` (model ${meta.model})` : ''}`,
      { expected: meta.size, got: vector.length },
    );
  }
}

/**
 * A point's vectors as Qdrant takes them. Collections with keyword vectors name them: the
 * unnamed dense vector goes under '' beside the sparse one; the others take the plain array.
 */
export function pointVectors(
  meta: CollectionMeta,
  dense: number[] | undefined,
  sparse: SparseVector | undefined,
): number[] | Record<string, number[] | SparseVector> {
  if (!meta.keyword) return dense!;
  return {
    ...(dense ? { [DENSE_VECTOR]: dense } : {}),
    ...(sparse ? { [KEYWORD_VECTOR]: sparse } : {}),
  };
}

/** The dense vector of a stored point: a plain array, or in a map beside its sparse vectors. */
function denseOf(vector: unknown): number[] | undefined {
  if (Array.isArray(vector)) return vector as number[];
  if (typeof vector !== 'object' || vector === null) return undefined;
  const named = vector as Record<string, unknown>;
  const dense = named[DENSE_VECTOR];
  return Array.isArray(dense) ? (dense as number[]) : undefined;
}

/** A stored point as the caller sees it: a tenant gets the id it gave the point (callerView). */
export function toRecord(
  point: {
    id: PointId;
    payload?: Record<string, unknown> | null;
    vector?: unknown;
    score?: number;
  },
  tenant: string | undefined,
): PointRecord {
  const record: PointRecord = callerView(tenant, point.id, point.payload ?? {});
  const vector = denseOf(point.vector);
  if (vector) record.vector = vector;
  if (point.score !== undefined) record.score = point.score;
  return record;
}
