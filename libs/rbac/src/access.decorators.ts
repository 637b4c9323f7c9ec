import { SetMetadata } from '@nestjs/common';
import type { Permission } from './permissions';

export const PUBLIC_ROUTE = 'aip:public';
export const REQUIRED_PERMISSION = 'aip:permission';

/** Marks a route or handler as open without credentials; every other route must declare a permission. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);

/** The permission a caller needs for this route or handler. */
export const RequirePermission = (permission: Permission): MethodDecorator & ClassDecorator =>
  SetMetadata(REQUIRED_PERMISSION, permission);
