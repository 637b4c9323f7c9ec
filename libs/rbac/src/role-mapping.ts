import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import {
  DEFAULT_ROLE_PERMISSIONS,
  PERMISSIONS,
  ROLES,
  type Permission,
  type Role,
} from './permissions';

export type RoleMapping = Record<Role, readonly Permission[]>;

/**
 * The role → permissions mapping: the default, or a YAML/JSON file that maps some or all roles
 * to lists of permissions. Unknown roles or permissions stop the app at boot.
 */
export function loadRoleMapping(file?: string): RoleMapping {
  if (!file) return DEFAULT_ROLE_PERMISSIONS;
  const parsed = parse(readFileSync(file, 'utf8')) as unknown;
  if (typeof parsed !== 'object' || parsed === null)
    throw new Error(`${file}: expected a map of role to permissions`);
  const mapping: Record<Role, readonly Permission[]> = { ...DEFAULT_ROLE_PERMISSIONS };
  for (const [role, permissions] of Object.entries(parsed)) {
    if (!ROLES.includes(role as Role))
      throw new Error(`${file}: unknown role ${role}; roles are ${ROLES.join(', ')}`);
    if (
      !Array.isArray(permissions) ||
      !permissions.every((p) => PERMISSIONS.includes(p as Permission))
    ) {
      throw new Error(`${file}: ${role} must list permissions from ${PERMISSIONS.join(', ')}`);
    }
    mapping[role as Role] = permissions as Permission[];
  }
  return mapping;
}
