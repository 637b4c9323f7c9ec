import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ErrorCode, PlatformError } from '@aip/contracts';
import { hasPermission } from '@aip/rbac';
import { identifiedCall } from './identified-call';

/** The permission a route declares (`@RequirePermission`) must be among the caller's. */
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
    return true;
  }
}
