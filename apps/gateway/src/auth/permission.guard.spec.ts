import { Reflector } from '@nestjs/core';
import { ErrorCode } from '@aip/contracts';
import { DEFAULT_ROLE_PERMISSIONS, type Principal, type Role } from '@aip/rbac';
import { AccessRoutes } from '../testing/access-routes';
import { guardCall } from '../testing/guard-context';
import { refusalOf } from '../testing/refusals';
import type { AuthenticatedRequest } from './credentials';
import { PermissionGuard } from './permission.guard';

function caller(role: Role): Principal {
  return { id: `key-${role}`, kind: 'api-key', role, permissions: DEFAULT_ROLE_PERMISSIONS[role] };
}

describe('PermissionGuard', () => {
  const guard = new PermissionGuard(new Reflector());

  function activate(handler: keyof AccessRoutes & string, principal?: Principal): boolean {
    const { context, request } = guardCall(AccessRoutes, handler);
    (request as AuthenticatedRequest).principal = principal;
    return guard.canActivate(context);
  }

  it('lets a caller through whose role has the permission the route requires', () => {
    expect(activate('insert', caller('writer'))).toBe(true);
    expect(activate('search', caller('reader'))).toBe(true);
  });

  it('lets admins through everywhere', () => {
    expect(activate('insert', caller('admin'))).toBe(true);
    expect(activate('insert', { ...caller('reader'), permissions: ['admin'] })).toBe(true);
  });

  it('refuses a caller without the permission with 403 naming it and the role', () => {
    const error = refusalOf(() => activate('insert', caller('reader')));
    expect(error.code).toBe(ErrorCode.Forbidden);
    expect(error.message).toBe('Permission vectors:insert is required; role reader lacks it');
    expect(error.details).toEqual({ permission: 'vectors:insert', role: 'reader' });
  });

  it('asks nothing more of routes open to any caller, or to anyone', () => {
    expect(activate('me', { ...caller('reader'), permissions: [] })).toBe(true);
    expect(activate('open')).toBe(true);
  });

  it('refuses a protected route reached without a caller with 401 (fail closed)', () => {
    const error = refusalOf(() => activate('search'));
    expect(error.code).toBe(ErrorCode.Unauthenticated);
  });
});
