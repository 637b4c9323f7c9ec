import fc from 'fast-check';
import { startTestStack, type TestStack } from '@aip/testing';
import { httpJson } from './http';

type Tenant = 'a' | 'b';
interface Point {
  id: number;
  payload: Record<string, unknown>;
}

const IDS = fc.integer({ min: 1, max: 12 });
const TAGS = fc.constantFrom('red', 'green', 'blue');
const TENANT = fc.constantFrom<Tenant>('a', 'b');
const VECTOR = fc.array(fc.float({ min: -1, max: 1, noNaN: true }), { minLength: 4, maxLength: 4 });

/** Random operations a tenant-scoped key may attempt, including attempts to reach the other tenant. */
const OPERATION = fc.oneof(
  fc.record({
    kind: fc.constant('upsert' as const),
    tenant: TENANT,
    ids: fc.uniqueArray(IDS, { minLength: 1, maxLength: 3 }),
    tag: TAGS,
    forge: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('get' as const), tenant: TENANT, id: IDS }),
  fc.record({
    kind: fc.constant('search' as const),
    tenant: TENANT,
    vector: VECTOR,
    widen: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('scroll' as const),
    tenant: TENANT,
    tag: fc.option(TAGS, { nil: undefined }),
  }),
  fc.record({ kind: fc.constant('deleteByFilter' as const), tenant: TENANT, tag: TAGS }),
  fc.record({
    kind: fc.constant('deleteByIds' as const),
    tenant: TENANT,
    ids: fc.uniqueArray(IDS, { minLength: 1, maxLength: 4 }),
  }),
);

describe('tenant isolation: random operations by two tenants (gateway, vector service, vector-engine as processes)', () => {
  let platform: TestStack;
  const keys = {} as Record<Tenant, string>;
  let runs = 0;

  const call = <T>(key: string, method: string, path: string, body?: unknown) =>
    httpJson<T>(`${platform.gatewayUrl}${path}`, {
      method,
      headers: { 'X-API-Key': key, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  beforeAll(async () => {
    platform = await startTestStack({
      apps: ['vector-engine', 'vector', 'gateway'],
      env: { GATEWAY_REQUIRED_SERVICES: 'vector' },
    });
    for (const tenant of ['a', 'b'] as const) {
      const created = await call<{ key: string }>(platform.adminKey, 'POST', '/api/v1/admin/keys', {
        role: 'writer',
        tenant,
      });
      keys[tenant] = created.body.key;
    }
  }, 90_000);

  afterAll(async () => {
    await platform?.stop();
  });

  it('never lets tenant A read, find, change or delete tenant B points', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(OPERATION, { minLength: 4, maxLength: 16 }), async (operations) => {
        const collection = `tenants_${process.pid}_${runs++}`;
        const created = await call(platform.adminKey, 'POST', '/api/v1/collections', {
          name: collection,
          size: 4,
          distance: 'Cosine',
          payload_schema: { tag: 'keyword' },
        });
        expect(created.status).toBe(201);
        const model: Record<Tenant, Map<number, string>> = { a: new Map(), b: new Map() };
        const base = `/api/v1/collections/${collection}`;
        for (const op of operations) {
          const key = keys[op.tenant];
          const other: Tenant = op.tenant === 'a' ? 'b' : 'a';
          switch (op.kind) {
            case 'upsert': {
              const points = op.ids.map((id) => ({
                id,
                vector: [1, id, 0.5, -id / 10],
                payload: { tag: op.tag, ...(op.forge ? { tenant_id: other } : {}) },
              }));
              const response = await call(key, 'POST', '/api/v1/vectors/batch', {
                collection,
                points,
              });
              // Ids are per tenant: one the other tenant uses is as free as an unused one.
              expect({ op, status: response.status }).toEqual({ op, status: 201 });
              for (const id of op.ids) model[op.tenant].set(id, op.tag);
              break;
            }
            case 'get': {
              const response = await call<{ payload: Record<string, unknown> }>(
                key,
                'GET',
                `/api/v1/vectors/${op.id}?collection=${collection}`,
              );
              expect({ op, status: response.status }).toEqual({
                op,
                status: model[op.tenant].has(op.id) ? 200 : 404,
              });
              if (response.status === 200)
                expect(response.body.payload['tenant_id']).toBe(op.tenant);
              break;
            }
            case 'search': {
              const filter = op.widen
                ? {
                    should: [
                      { key: 'tenant_id', match: { value: other } },
                      { key: 'tenant_id', match: { value: op.tenant } },
                    ],
                  }
                : undefined;
              const response = await call<{ points: Point[] }>(
                key,
                'POST',
                '/api/v1/vectors/search',
                {
                  collection,
                  vector: op.vector.map((x, i) => x + (i === 0 ? 0.01 : 0)),
                  top_k: 50,
                  filter,
                },
              );
              expect(response.status).toBe(200);
              for (const point of response.body.points)
                expect({ op, id: point.id, tenant: point.payload['tenant_id'] }).toEqual({
                  op,
                  id: point.id,
                  tenant: op.tenant,
                });
              expect(response.body.points.length).toBe(model[op.tenant].size);
              break;
            }
            case 'scroll': {
              const filter = op.tag
                ? { must: [{ key: 'tag', match: { value: op.tag } }] }
                : undefined;
              const response = await call<{ points: Point[] }>(
                key,
                'POST',
                '/api/v1/vectors/scroll',
                { collection, limit: 100, filter },
              );
              const expected = [...model[op.tenant]]
                .filter(([, tag]) => !op.tag || tag === op.tag)
                .map(([id]) => id)
                .sort((x, y) => x - y);
              // A tenant's points come in stored-id order, not in the order of its own ids.
              const ids = response.body.points.map((p) => p.id).sort((x, y) => x - y);
              expect({ op, ids }).toEqual({
                op,
                ids: expected,
              });
              break;
            }
            case 'deleteByFilter': {
              const response = await call<{ deleted: number }>(
                key,
                'POST',
                '/api/v1/vectors/delete',
                { collection, filter: { must: [{ key: 'tag', match: { value: op.tag } }] } },
              );
              const mine = [...model[op.tenant]]
                .filter(([, tag]) => tag === op.tag)
                .map(([id]) => id);
              expect({ op, deleted: response.body.deleted }).toEqual({ op, deleted: mine.length });
              for (const id of mine) model[op.tenant].delete(id);
              break;
            }
            case 'deleteByIds': {
              const response = await call<{ deleted: number }>(
                key,
                'POST',
                '/api/v1/vectors/delete',
                { collection, ids: op.ids },
              );
              const mine = op.ids.filter((id) => model[op.tenant].has(id));
              expect({ op, deleted: response.body.deleted }).toEqual({ op, deleted: mine.length });
              for (const id of mine) model[op.tenant].delete(id);
              break;
            }
          }
          // After every operation the other tenant's points are exactly as that tenant left them.
          const theirs = await call<{ points: Point[] }>(
            keys[other],
            'POST',
            '/api/v1/vectors/scroll',
            { collection, limit: 100 },
          );
          const seen = [...theirs.body.points]
            .sort((x, y) => x.id - y.id)
            .map((p) => [p.id, p.payload['tag'], p.payload['tenant_id']]);
          const expected = [...model[other]]
            .sort(([x], [y]) => x - y)
            .map(([id, tag]) => [id, tag, other]);
          expect({ after: op, seen }).toEqual({ after: op, seen: expected });
        }
        await call(platform.adminKey, 'DELETE', base);
      }),
      { numRuns: 12 },
    );
  }, 300_000);

  it('forbids tenant-scoped keys from creating or deleting shared collections', async () => {
    const response = await call(keys.a, 'POST', '/api/v1/collections', {
      name: 'tenant_made',
      size: 4,
    });
    expect(response.status).toBe(403);
  });
});
