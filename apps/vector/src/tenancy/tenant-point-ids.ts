import { v5 as uuidv5 } from 'uuid';
import type { PointId } from '@aip/contracts';

/**
 * Payload field of a tenant's point stored under its namespaced id: the id the tenant gave it.
 * Callers without a tenant see it (and the stored id); a tenant sees it as the point's id.
 */
export const TENANT_POINT_ID_FIELD = 'tenant_point_id';

/** Never to change: stored points are found again by the ids derived from it. */
const TENANT_POINT_ID_NAMESPACE = 'c5dc138d-cdd4-48d9-b061-cb4cc5accbb0';

const UUID = /^[0-9a-f]{32}$/;

type Payload = Record<string, unknown>;
type Filter = Record<string, unknown>;

/** An id as Qdrant compares it (UUIDs lower-case and hyphenated), or undefined if it is none. */
export function canonicalPointId(id: unknown): PointId | undefined {
  if (typeof id === 'number') return Number.isSafeInteger(id) && id >= 0 ? id : undefined;
  if (typeof id !== 'string') return undefined;
  const hex = id.toLowerCase().replace(/-/g, '');
  if (!UUID.test(hex)) return undefined;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** One spelling per id, to compare ids as Qdrant does. */
export function idKey(id: PointId): string {
  const canonical = canonicalPointId(id) ?? id;
  return typeof canonical === 'number' ? `#${canonical}` : canonical;
}

/**
 * Where a tenant's new point with this id is stored. Every tenant has an id space of its own,
 * so an id another tenant already uses is neither refused nor replaced: a refusal would tell
 * that the id exists, which a read of it never does. An id that is not a point id is left as
 * given, for the store to refuse as before.
 */
export function namespacedId(tenant: string, id: PointId): PointId {
  const canonical = canonicalPointId(id);
  return canonical === undefined
    ? id
    : uuidv5(JSON.stringify([tenant, canonical]), TENANT_POINT_ID_NAMESPACE);
}

/**
 * The stored ids a tenant's ids may name: the id itself, which is the tenant's where a caller
 * without a tenant wrote the point for it or before ids were namespaced, and the namespaced id.
 * Reads keep only the tenant's own points among them. Without a tenant, ids are stored as given.
 */
export function storedIdsOf(tenant: string | undefined, ids: PointId[]): PointId[] {
  if (tenant === undefined) return ids;
  return ids.flatMap((id) => {
    const namespaced = namespacedId(tenant, id);
    return namespaced === id ? [id] : [id, namespaced];
  });
}

/** The point's id as the caller knows it, and its payload without the platform's id field. */
export function callerView(
  tenant: string | undefined,
  id: PointId,
  payload: Payload,
): { id: PointId; payload: Payload } {
  if (tenant === undefined || !(TENANT_POINT_ID_FIELD in payload)) return { id, payload };
  const { [TENANT_POINT_ID_FIELD]: own, ...rest } = payload;
  return { id: typeof own === 'number' || typeof own === 'string' ? own : id, payload: rest };
}

/** The payload selection a read asks Qdrant for, with the id field a tenant's view needs. */
export function payloadSelection(
  tenant: string | undefined,
  withPayload: boolean | string[] | undefined,
): boolean | string[] {
  const asked = withPayload ?? true;
  if (tenant === undefined || asked === true) return asked;
  return asked === false ? [TENANT_POINT_ID_FIELD] : [...asked, TENANT_POINT_ID_FIELD];
}

function rewriteConditions(value: unknown, tenant: string): unknown {
  return Array.isArray(value)
    ? value.map((condition) => rewriteCondition(condition, tenant))
    : rewriteCondition(value, tenant);
}

function rewriteCondition(condition: unknown, tenant: string): unknown {
  if (condition === null || typeof condition !== 'object') return condition;
  const object = condition as Record<string, unknown>;
  if (Array.isArray(object['has_id']))
    return { ...object, has_id: storedIdsOf(tenant, object['has_id'] as PointId[]) };
  if (typeof object['key'] === 'string') return object;
  if (object['nested'] !== null && typeof object['nested'] === 'object') {
    const nested = object['nested'] as Record<string, unknown>;
    return { ...object, nested: { ...nested, filter: tenantIdFilter(tenant, nested['filter']) } };
  }
  return tenantIdFilter(tenant, object);
}

/**
 * A tenant's filter with each `has_id` naming the stored ids of its ids (see storedIdsOf),
 * at any depth. The tenant filter around it keeps other tenants' points out.
 */
export function tenantIdFilter<F>(tenant: string | undefined, filter: F): F {
  if (tenant === undefined || filter === null || typeof filter !== 'object') return filter;
  const rewritten: Filter = {};
  for (const [clause, value] of Object.entries(filter as Filter)) {
    if (clause === 'min_should' && value !== null && typeof value === 'object') {
      const minShould = value as Record<string, unknown>;
      rewritten[clause] = {
        ...minShould,
        conditions: rewriteConditions(minShould['conditions'], tenant),
      };
    } else if (clause === 'must' || clause === 'should' || clause === 'must_not') {
      rewritten[clause] = rewriteConditions(value, tenant);
    } else {
      rewritten[clause] = value;
    }
  }
  return rewritten as F;
}
