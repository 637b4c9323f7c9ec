import { ErrorCode, PlatformError } from '@aip/contracts';
import type { Principal } from '@aip/rbac';

/**
 * Collections (and their snapshots) hold every tenant's points: only callers without a tenant
 * may create, change, drop, snapshot or restore them.
 */
export function refuseTenantScoped(principal: Principal, action: string): void {
  if (principal.tenant !== undefined) {
    throw new PlatformError(
      ErrorCode.Forbidden,
      `Tenant-scoped keys may not ${action}: collections hold every tenant's points`,
    );
  }
}
