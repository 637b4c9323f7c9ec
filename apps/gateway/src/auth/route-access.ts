import type { Reflector } from '@nestjs/core';
import type { ExecutionContext } from '@nestjs/common';
import { AUTHENTICATED_ROUTE, PUBLIC_ROUTE, REQUIRED_PERMISSION, type Permission } from '@aip/rbac';

export type RouteAccess =
  | { kind: 'public' }
  | { kind: 'authenticated' }
  | { kind: 'permission'; permission: Permission }
  | { kind: 'undeclared' };

/** What a handler (or its controller) declares about access. */
export function routeAccess(
  reflector: Reflector,
  targets: Parameters<Reflector['getAllAndOverride']>[1],
): RouteAccess {
  if (reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return { kind: 'public' };
  const permission = reflector.getAllAndOverride<Permission | undefined>(
    REQUIRED_PERMISSION,
    targets,
  );
  if (permission) return { kind: 'permission', permission };
  if (reflector.getAllAndOverride<boolean>(AUTHENTICATED_ROUTE, targets))
    return { kind: 'authenticated' };
  return { kind: 'undeclared' };
}

export function handlerTargets(
  context: ExecutionContext,
): [ReturnType<ExecutionContext['getHandler']>, ReturnType<ExecutionContext['getClass']>] {
  return [context.getHandler(), context.getClass()];
}
