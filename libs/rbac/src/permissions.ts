/** Every permission a route can require. */
export const PERMISSIONS = [
  'generate:text',
  'vectors:insert',
  'vectors:search',
  'vectors:update',
  'vectors:delete',
  'collections:manage',
  /** Live sources read what the operator declared; only admins add or change them by default. */
  'sources:manage',
  'snapshots:create',
  'analytics:view',
  'metrics:view',
  'admin',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = ['reader', 'writer', 'operator', 'admin'] as const;

export type Role = (typeof ROLES)[number];

const READER: readonly Permission[] = ['generate:text', 'vectors:search'];
const WRITER: readonly Permission[] = [
  ...READER,
  'vectors:insert',
  'vectors:update',
  'vectors:delete',
];
const OPERATOR: readonly Permission[] = [
  ...WRITER,
  'collections:manage',
  'snapshots:create',
  'analytics:view',
  'metrics:view',
];

/** The default role mapping; each role includes everything of the one before it. */
export const DEFAULT_ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  reader: READER,
  writer: WRITER,
  operator: OPERATOR,
  admin: PERMISSIONS,
};

export function roleHasPermission(
  role: Role,
  permission: Permission,
  mapping: Record<Role, readonly Permission[]> = DEFAULT_ROLE_PERMISSIONS,
): boolean {
  return mapping[role].includes(permission) || mapping[role].includes('admin');
}
