import type { Permission, Role } from './permissions';

export interface RateLimits {
  requestsPerMinute?: number;
  tokensPerMinute?: number;
}

/** Who is calling, as established from an API key or a JWT. */
export interface Principal {
  /** Key id or token subject: safe to log, never the secret. */
  id: string;
  kind: 'api-key' | 'jwt' | 'bootstrap-admin' | 'auth-disabled';
  role: Role;
  permissions: readonly Permission[];
  /** Set for tenant-scoped callers: every read and write is confined to this tenant. */
  tenant?: string;
  /** Set for collection-scoped callers: the only collections they may touch. */
  collections?: readonly string[];
  rateLimits?: RateLimits;
}

export function hasPermission(principal: Principal, permission: Permission): boolean {
  return principal.permissions.includes(permission) || principal.permissions.includes('admin');
}

export function mayUseCollection(principal: Principal, collection: string): boolean {
  return principal.collections === undefined || principal.collections.includes(collection);
}
