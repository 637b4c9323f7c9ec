import fc from 'fast-check';
import type { Principal } from '../principal';
import { ownedBy, tenantFilter, tenantPayload, TENANT_FIELD } from './tenant-scope';

const tenantA: Principal = {
  id: 'k1',
  kind: 'api-key',
  role: 'writer',
  permissions: [],
  tenant: 'a',
};
const global: Principal = { id: 'k2', kind: 'api-key', role: 'admin', permissions: ['admin'] };

describe('tenant scope', () => {
  it('leaves callers without a tenant alone', () => {
    expect(tenantFilter(global.tenant, { must: [{ key: 'x', match: { value: 1 } }] })).toEqual({
      must: [{ key: 'x', match: { value: 1 } }],
    });
    expect(tenantPayload(global.tenant, { a: 1 })).toEqual({ a: 1 });
  });

  it('always puts the tenant condition in must, whatever filter the caller sends', () => {
    fc.assert(
      fc.property(
        fc.option(
          fc.dictionary(fc.constantFrom('must', 'should', 'must_not'), fc.array(fc.object())),
          { nil: undefined },
        ),
        (filter) => {
          const scoped = tenantFilter(tenantA.tenant, filter) as { must: unknown[] };
          expect(scoped.must[0]).toEqual({ key: TENANT_FIELD, match: { value: 'a' } });
          expect(Object.keys(scoped)).toEqual(['must']);
        },
      ),
    );
  });

  it('overrides any tenant_id the caller writes', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.string(), (payload, forged) => {
        const written = tenantPayload(tenantA.tenant, { ...payload, [TENANT_FIELD]: forged });
        expect(written[TENANT_FIELD]).toBe('a');
        expect(ownedBy(tenantA.tenant, written)).toBe(true);
      }),
    );
    expect(ownedBy(tenantA.tenant, { [TENANT_FIELD]: 'b' })).toBe(false);
  });
});
