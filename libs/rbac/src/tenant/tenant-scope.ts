import type { Principal } from '../principal';

/** The payload field that carries a point's tenant; owned by the platform. */
export const TENANT_FIELD = 'tenant_id';

/**
 * Confines a filter to the caller's tenant. The tenant condition is added with `must`, so
 * nothing in the caller's own filter (should, must_not, nested) can widen it.
 */
export function scopeFilter(
  principal: Principal,
  filter?: Record<string, unknown> | null,
): Record<string, unknown> | undefined {
  if (principal.tenant === undefined) return filter ?? undefined;
  const tenantCondition = { key: TENANT_FIELD, match: { value: principal.tenant } };
  return filter ? { must: [tenantCondition, filter] } : { must: [tenantCondition] };
}

/** Stamps the caller's tenant on a payload being written, replacing any tenant_id it carried. */
export function scopePayload<T extends Record<string, unknown>>(
  principal: Principal,
  payload: T,
): T {
  if (principal.tenant === undefined) return payload;
  return { ...payload, [TENANT_FIELD]: principal.tenant };
}

/** Whether a stored payload belongs to the caller (always true for callers without a tenant). */
export function ownsPayload(
  principal: Principal,
  payload: Record<string, unknown> | null | undefined,
): boolean {
  return principal.tenant === undefined || payload?.[TENANT_FIELD] === principal.tenant;
}
