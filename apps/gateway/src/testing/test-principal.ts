import { randomBytes } from 'node:crypto';
import { DEFAULT_ROLE_PERMISSIONS, type Principal, type Role } from '@aip/rbac';

/** An API-key caller with a role's default permissions and an id of its own. */
export function testPrincipal(role: Role, overrides: Partial<Principal> = {}): Principal {
  return {
    id: `key-${randomBytes(4).toString('hex')}`,
    kind: 'api-key',
    role,
    permissions: DEFAULT_ROLE_PERMISSIONS[role],
    ...overrides,
  };
}
