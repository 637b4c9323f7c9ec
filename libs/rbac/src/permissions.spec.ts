import { DEFAULT_ROLE_PERMISSIONS, PERMISSIONS, ROLES, roleHasPermission } from './permissions';

describe('default role mapping', () => {
  it('gives each role every permission of the role below it', () => {
    for (let i = 1; i < ROLES.length; i++) {
      const lower = DEFAULT_ROLE_PERMISSIONS[ROLES[i - 1]];
      for (const permission of lower) {
        expect(roleHasPermission(ROLES[i], permission)).toBe(true);
      }
    }
  });

  it('lets only admin manage keys', () => {
    expect(ROLES.filter((role) => roleHasPermission(role, 'admin'))).toEqual(['admin']);
  });

  it('keeps readers from writing', () => {
    expect(roleHasPermission('reader', 'vectors:insert')).toBe(false);
    expect(roleHasPermission('reader', 'vectors:search')).toBe(true);
    expect(PERMISSIONS.filter((p) => roleHasPermission('admin', p))).toHaveLength(
      PERMISSIONS.length,
    );
  });
});
