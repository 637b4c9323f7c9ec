import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ErrorCode, PlatformError } from '@aip/contracts';
import { CROSS_TENANT_ROUTE, hasPermission } from '@aip/rbac';
import { identifiedCall } from './identified-call';
import { handlerTargets } from './route-access';

/**
 * The permission a route declares (`@RequirePermission`) must be among the caller's, and a
 * route about every tenant (`@CrossTenant`) is not for tenant-scoped callers.
 */
@Injectable()
export class PermissionGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const call = identifiedCall(this.reflector, context);
    if (call?.access.kind !== 'permission') return true;
    const { principal, access } = call;
    if (!hasPermission(principal, access.permission)) {
      throw new PlatformError(
        ErrorCode.Forbidden,
        `Permission ${access.permission} is required; role ${principal.role} lacks it`,
        { permission: access.permission, role: principal.role },
      );
    }
    const crossTenant = this.reflector.getAllAndOverride<boolean | undefined>(
      CROSS_TENANT_ROUTE,
      handlerTargets(context),
    );
    if (crossTenant && principal.tenant !== undefined)
      throw new PlatformError(
        ErrorCode.Forbidden,
        `This route reports on every tenant; keys scoped to tenant ${principal.tenant} may not read it`,
        { tenant: principal.tenant },
      );
    return true;
  }
}
