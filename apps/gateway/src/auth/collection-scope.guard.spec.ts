import { Reflector } from '@nestjs/core';
import { ErrorCode, PlatformError } from '@aip/contracts';
import { DEFAULT_ROLE_PERMISSIONS, type Principal } from '@aip/rbac';
import { AccessRoutes } from '../testing/access-routes';
import { guardCall, type RequestParts } from '../testing/guard-context';
import { refusalOf } from '../testing/refusals';
import { CollectionScopeGuard } from './collection-scope.guard';
import type { AuthenticatedRequest } from './credentials';

const scoped: Principal = {
  id: 'scoped',
  kind: 'api-key',
  role: 'writer',
  permissions: DEFAULT_ROLE_PERMISSIONS.writer,
  collections: ['docs', 'faq'],
};
const unscoped: Principal = { ...scoped, id: 'unscoped', collections: undefined };

describe('CollectionScopeGuard', () => {
  const guard = new CollectionScopeGuard(new Reflector());

  function activate(
    principal: Principal | undefined,
    parts: RequestParts,
    handler: keyof AccessRoutes & string = 'insert',
  ): boolean {
    const { context, request } = guardCall(AccessRoutes, handler, parts);
    (request as AuthenticatedRequest).principal = principal;
    return guard.canActivate(context);
  }

  it('lets a scoped caller name its own collections in the path, the query and the body', () => {
    expect(activate(scoped, { params: { name: 'docs' } })).toBe(true);
    expect(activate(scoped, { params: { collection: 'faq' } })).toBe(true);
    expect(activate(scoped, { query: { collection: 'docs' } })).toBe(true);
    expect(activate(scoped, { body: { collection: 'faq' } })).toBe(true);
    expect(activate(scoped, {})).toBe(true);
  });

  it('refuses any other collection with 403 naming it, wherever it is named', () => {
    const namings: RequestParts[] = [
      { params: { name: 'other' } },
      { params: { collection: 'other' } },
      { query: { collection: 'other' } },
      { body: { collection: 'other' } },
      { params: { name: 'docs' }, body: { collection: 'other' } },
    ];
    for (const parts of namings) {
      const error = refusalOf(() => activate(scoped, parts));
      expect(error.code).toBe(ErrorCode.Forbidden);
      expect(error.message).toBe('This key may not use collection other');
      expect(error.details).toEqual({ collection: 'other' });
    }
  });

  it('checks routes open to any caller too, and ignores values that are not names', () => {
    expect(() => activate(scoped, { params: { name: 'other' } }, 'me')).toThrow(PlatformError);
    expect(activate(scoped, { body: { collection: ['other'] } })).toBe(true);
  });

  it('lets an unscoped caller use any collection, and anyone use a public route', () => {
    expect(activate(unscoped, { params: { name: 'other' } })).toBe(true);
    expect(activate(undefined, { params: { name: 'other' } }, 'open')).toBe(true);
  });

  it('refuses a protected route reached without a caller with 401 (fail closed)', () => {
    const error = refusalOf(() => activate(undefined, { params: { name: 'docs' } }));
    expect(error.code).toBe(ErrorCode.Unauthenticated);
  });
});
