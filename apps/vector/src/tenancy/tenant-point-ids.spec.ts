import fc from 'fast-check';
import {
  callerView,
  canonicalPointId,
  idKey,
  namespacedId,
  payloadSelection,
  storedIdsOf,
  TENANT_POINT_ID_FIELD,
  tenantIdFilter,
} from './tenant-point-ids';

const UUID = 'A1B2C3D4-E5F6-4711-8899-AABBCCDDEEFF';
const CANONICAL = 'a1b2c3d4-e5f6-4711-8899-aabbccddeeff';

describe('tenant point ids', () => {
  it('spells ids as Qdrant compares them, refusing what is no point id', () => {
    expect(canonicalPointId(7)).toBe(7);
    expect(canonicalPointId(UUID)).toBe(CANONICAL);
    expect(canonicalPointId(UUID.replace(/-/g, ''))).toBe(CANONICAL);
    for (const bad of [-1, 1.5, 'seven', '', null, { id: 1 }])
      expect(canonicalPointId(bad)).toBe(undefined);
    expect(idKey(7)).not.toBe(idKey(CANONICAL));
    expect(idKey(UUID)).toBe(idKey(CANONICAL));
  });

  it('gives each tenant its own UUID for an id, the same for every spelling', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 128 }),
        fc.string({ maxLength: 128 }),
        fc.oneof(fc.nat(), fc.uuid()),
        (a, b, id) => {
          const mine = namespacedId(a, id);
          expect(canonicalPointId(mine)).toBe(mine);
          expect(namespacedId(a, typeof id === 'string' ? id.toUpperCase() : id)).toBe(mine);
          if (a !== b) expect(namespacedId(b, id)).not.toBe(mine);
          expect(mine).not.toBe(canonicalPointId(id));
        },
      ),
    );
    expect(namespacedId('acme', 'not an id')).toBe('not an id');
  });

  it('reads a tenant id at the id itself and at its namespaced id; ids of no tenant as given', () => {
    expect(storedIdsOf(undefined, [1, UUID])).toEqual([1, UUID]);
    expect(storedIdsOf('acme', [1])).toEqual([1, namespacedId('acme', 1)]);
    expect(storedIdsOf('acme', ['nope'])).toEqual(['nope']);
  });

  it('shows a tenant the id it gave and hides the field; callers without a tenant see both', () => {
    const stored = namespacedId('acme', 5);
    const payload = { [TENANT_POINT_ID_FIELD]: 5, tenant_id: 'acme', tag: 'red' };
    expect(callerView('acme', stored, payload)).toEqual({
      id: 5,
      payload: { tenant_id: 'acme', tag: 'red' },
    });
    expect(callerView(undefined, stored, payload)).toEqual({ id: stored, payload });
    expect(callerView('acme', 9, { tag: 'red' })).toEqual({ id: 9, payload: { tag: 'red' } });
  });

  it('asks for the id field whenever a tenant reads less than the whole payload', () => {
    expect(payloadSelection('acme', undefined)).toBe(true);
    expect(payloadSelection('acme', true)).toBe(true);
    expect(payloadSelection('acme', false)).toEqual([TENANT_POINT_ID_FIELD]);
    expect(payloadSelection('acme', ['text'])).toEqual(['text', TENANT_POINT_ID_FIELD]);
    expect(payloadSelection(undefined, false)).toBe(false);
  });

  it('turns every has_id of a tenant filter into the stored ids, at any depth', () => {
    const ids = (...given: number[]) => ({ has_id: storedIdsOf('acme', given) });
    const filter = {
      must: [{ has_id: [1] }, { key: 'tag', match: { value: 'red' } }],
      should: { has_id: [2] },
      must_not: [{ must: [{ has_id: [3] }] }],
      min_should: { conditions: [{ has_id: [4] }, { is_empty: { key: 'x' } }], min_count: 1 },
    };
    expect(tenantIdFilter('acme', filter)).toEqual({
      must: [ids(1), { key: 'tag', match: { value: 'red' } }],
      should: ids(2),
      must_not: [{ must: [ids(3)] }],
      min_should: { conditions: [ids(4), { is_empty: { key: 'x' } }], min_count: 1 },
    });
    const nested = { must: [{ nested: { key: 'parts', filter: { must: [{ has_id: [5] }] } } }] };
    expect(tenantIdFilter('acme', nested)).toEqual({
      must: [{ nested: { key: 'parts', filter: { must: [ids(5)] } } }],
    });
    expect(tenantIdFilter(undefined, filter)).toBe(filter);
    expect(tenantIdFilter('acme', undefined)).toBeUndefined();
  });
});
