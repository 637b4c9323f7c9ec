/** The payload field that carries a point's tenant; owned by the platform. */
export const TENANT_FIELD = 'tenant_id';

type Filter = Record<string, unknown>;

/**
 * Confines a filter to a tenant. The tenant condition is added with `must`, so nothing in the
 * caller's own filter (should, must_not, nested) can widen it. No tenant: the filter as given.
 */
export function tenantFilter(
  tenant: string | undefined,
  filter?: Filter | null,
): Filter | undefined {
  if (tenant === undefined) return filter ?? undefined;
  const tenantCondition = { key: TENANT_FIELD, match: { value: tenant } };
  return filter ? { must: [tenantCondition, filter] } : { must: [tenantCondition] };
}

/** Stamps a tenant on a payload being written, replacing any tenant_id it carried. */
export function tenantPayload<T extends Record<string, unknown>>(
  tenant: string | undefined,
  payload: T,
): T {
  return tenant === undefined ? payload : { ...payload, [TENANT_FIELD]: tenant };
}

/** Whether a stored payload belongs to the tenant (always true without a tenant). */
export function ownedBy(
  tenant: string | undefined,
  payload: Record<string, unknown> | null | undefined,
): boolean {
  return tenant === undefined || payload?.[TENANT_FIELD] === tenant;
}
