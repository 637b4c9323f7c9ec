import { startTestEngine, type TestEngine } from '../testing/start-test-engine';

const UUID = '3f2504e0-4f89-11d3-9a0c-0305e82c3301';

describe('vector-engine through @qdrant/js-client-rest: points', () => {
  let t: TestEngine;

  beforeAll(async () => {
    t = await startTestEngine();
    await t.client.createCollection('points', { vectors: { size: 3, distance: 'Dot' } });
  });
  afterAll(async () => {
    await t.stop();
  });

  it('upserts in the list and the batch form and reads points back', async () => {
    const result = await t.client.upsert('points', {
      wait: true,
      points: [
        { id: 1, vector: [1, 0, 0], payload: { color: 'red', n: 1 } },
        { id: UUID.toUpperCase(), vector: [0, 1, 0], payload: { color: 'blue', n: 2 } },
      ],
    });
    expect(result.status).toBe('completed');
    await t.client.upsert('points', {
      wait: true,
      batch: {
        ids: [2, 3],
        vectors: [
          [0, 0, 1],
          [1, 1, 0],
        ],
        payloads: [
          { color: 'green', n: 3 },
          { color: 'red', n: 4 },
        ],
      },
    });
    const records = await t.client.retrieve('points', { ids: [1, UUID, 3, 99], with_vector: true });
    expect(records).toEqual([
      { id: 1, payload: { color: 'red', n: 1 }, vector: [1, 0, 0] },
      { id: UUID, payload: { color: 'blue', n: 2 }, vector: [0, 1, 0] },
      { id: 3, payload: { color: 'red', n: 4 }, vector: [1, 1, 0] },
    ]);
    const single = await fetch(`${t.url}/collections/points/points/2`);
    expect(((await single.json()) as { result: unknown }).result).toEqual({
      id: 2,
      payload: { color: 'green', n: 3 },
      vector: [0, 0, 1],
    });
    expect((await fetch(`${t.url}/collections/points/points/77`)).status).toBe(404);
    expect((await t.client.getCollection('points')).points_count).toBe(4);
  });

  it('rejects a vector of the wrong dimension with 400 naming the expected size, and writes nothing', async () => {
    await expect(
      t.client.upsert('points', {
        wait: true,
        points: [
          { id: 10, vector: [1, 2], payload: {} },
          { id: 11, vector: [1, 2, 3] },
        ],
      }),
    ).rejects.toMatchObject({
      status: 400,
      data: { status: { error: expect.stringContaining('expected dim: 3, got 2') } },
    });
    expect(await t.client.retrieve('points', { ids: [10, 11] })).toEqual([]);
  });

  it('rejects ids that are neither unsigned integers nor UUIDs', async () => {
    await expect(
      t.client.upsert('points', { wait: true, points: [{ id: 'not-a-uuid', vector: [1, 2, 3] }] }),
    ).rejects.toMatchObject({
      status: 400,
    });
  });

  it('counts and scrolls with filters, offsets and pages', async () => {
    expect(
      await t.client.count('points', {
        filter: { must: [{ key: 'color', match: { value: 'red' } }] },
      }),
    ).toEqual({ count: 2 });
    const first = await t.client.scroll('points', { limit: 2 });
    expect(first.points.map((p) => p.id)).toEqual([1, 2]);
    expect(first.next_page_offset).toBe(3);
    const second = await t.client.scroll('points', {
      limit: 2,
      offset: first.next_page_offset ?? undefined,
    });
    expect(second.points.map((p) => p.id)).toEqual([3, UUID]);
    expect(second.next_page_offset).toBeNull();
    const selected = await t.client.scroll('points', {
      limit: 1,
      with_payload: ['n'],
      with_vector: true,
    });
    expect(selected.points[0]).toEqual({ id: 1, payload: { n: 1 }, vector: [1, 0, 0] });
  });

  it('orders a scroll by an indexed numeric field', async () => {
    await t.client.createPayloadIndex('points', {
      field_name: 'n',
      field_schema: 'integer',
      wait: true,
    });
    const { points } = await t.client.scroll('points', {
      limit: 3,
      order_by: { key: 'n', direction: 'desc' },
    });
    expect(points.map((p) => p.payload?.['n'])).toEqual([4, 3, 2]);
  });

  it('sets, overwrites, deletes and clears payload by ids and by filter', async () => {
    await t.client.setPayload('points', {
      wait: true,
      points: [1],
      payload: { tags: ['a'], nested: { x: 1 } },
    });
    await t.client.setPayload('points', {
      wait: true,
      points: [1],
      payload: { y: 2 },
      key: 'nested',
    });
    expect((await t.client.retrieve('points', { ids: [1] }))[0].payload).toEqual({
      color: 'red',
      n: 1,
      tags: ['a'],
      nested: { x: 1, y: 2 },
    });
    await t.client.deletePayload('points', { wait: true, points: [1], keys: ['tags', 'nested.x'] });
    expect((await t.client.retrieve('points', { ids: [1] }))[0].payload).toEqual({
      color: 'red',
      n: 1,
      nested: { y: 2 },
    });
    await t.client.overwritePayload('points', { wait: true, points: [1], payload: { only: true } });
    expect((await t.client.retrieve('points', { ids: [1] }))[0].payload).toEqual({ only: true });
    await t.client.setPayload('points', {
      wait: true,
      filter: { must: [{ key: 'color', match: { value: 'red' } }] },
      payload: { hot: 1 },
    });
    expect((await t.client.retrieve('points', { ids: [3] }))[0].payload).toMatchObject({ hot: 1 });
    await t.client.clearPayload('points', { wait: true, points: [3] });
    expect((await t.client.retrieve('points', { ids: [3] }))[0].payload).toEqual({});
  });

  it('updates and deletes named vectors', async () => {
    await t.client.createCollection('named', {
      vectors: { a: { size: 2, distance: 'Cosine' }, b: { size: 2, distance: 'Dot' } },
    });
    await t.client.upsert('named', {
      wait: true,
      points: [{ id: 1, vector: { a: [3, 4], b: [1, 2] } }],
    });
    expect((await t.client.retrieve('named', { ids: [1], with_vector: true }))[0].vector).toEqual({
      a: [0.6, 0.8],
      b: [1, 2],
    });
    await t.client.updateVectors('named', {
      wait: true,
      points: [{ id: 1, vector: { b: [5, 6] } }],
    });
    expect((await t.client.retrieve('named', { ids: [1], with_vector: ['b'] }))[0].vector).toEqual({
      b: [5, 6],
    });
    await t.client.deleteVectors('named', { wait: true, points: [1], vector: ['a'] });
    expect((await t.client.retrieve('named', { ids: [1], with_vector: true }))[0].vector).toEqual({
      b: [5, 6],
    });
    await expect(
      t.client.updateVectors('named', { wait: true, points: [{ id: 2, vector: { b: [1, 1] } }] }),
    ).rejects.toMatchObject({
      status: 404,
    });
  });

  it('deletes by ids and by filter', async () => {
    await t.client.delete('points', { wait: true, points: [2] });
    await t.client.delete('points', {
      wait: true,
      filter: { must: [{ key: 'color', match: { value: 'blue' } }] },
    });
    const { points } = await t.client.scroll('points', { limit: 10 });
    expect(points.map((p) => p.id)).toEqual([1, 3]);
  });

  it('applies a batch of operations in order', async () => {
    const results = await t.client.batchUpdate('points', {
      wait: true,
      operations: [
        { upsert: { points: [{ id: 20, vector: [1, 2, 3], payload: { k: 'v' } }] } },
        { set_payload: { payload: { k2: 'v2' }, points: [20] } },
        { delete: { points: [1] } },
      ],
    });
    expect(results).toHaveLength(3);
    expect((await t.client.retrieve('points', { ids: [1, 20] })).map((p) => p.payload)).toEqual([
      { k: 'v', k2: 'v2' },
    ]);
  });
});
