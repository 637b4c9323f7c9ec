import { SetMetadata } from '@nestjs/common';
import type { Permission } from './permissions';

export const PUBLIC_ROUTE = 'aip:public';
export const REQUIRED_PERMISSION = 'aip:permission';
export const AUTHENTICATED_ROUTE = 'aip:authenticated';
export const CROSS_TENANT_ROUTE = 'aip:cross-tenant';

/** Marks a route or handler as open without credentials; every other route must declare access. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);

/** The permission a caller needs for this route or handler. */
export const RequirePermission = (permission: Permission): MethodDecorator & ClassDecorator =>
  SetMetadata(REQUIRED_PERMISSION, permission);

/** Any valid credential will do (the route reports on the caller itself). */
export const Authenticated = (): MethodDecorator & ClassDecorator =>
  SetMetadata(AUTHENTICATED_ROUTE, true);

/**
 * The route reports on every tenant at once (platform metrics): tenant-scoped callers are
 * refused whatever their permissions, since nothing in it can be narrowed to one tenant.
 */
export const CrossTenant = (): MethodDecorator & ClassDecorator =>
  SetMetadata(CROSS_TENANT_ROUTE, true);
