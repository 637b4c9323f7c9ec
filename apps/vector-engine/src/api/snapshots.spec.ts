import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestEngine, type TestEngine } from '../testing/start-test-engine';

describe('vector-engine through @qdrant/js-client-rest: snapshots and restarts', () => {
  let t: TestEngine;

  beforeAll(async () => {
    t = await startTestEngine();
    await t.client.createCollection('snap', { vectors: { size: 2, distance: 'Dot' } });
    await t.client.upsert('snap', {
      wait: true,
      points: [
        { id: 1, vector: [1, 0], payload: { v: 'one' } },
        { id: 2, vector: [0, 1], payload: { v: 'two' } },
      ],
    });
  });
  afterAll(async () => {
    await t.stop();
  });

  it('creates, lists, downloads and deletes snapshots', async () => {
    const created = await t.client.createSnapshot('snap');
    expect(created).toMatchObject({
      name: expect.stringMatching(/\.snapshot$/),
      size: expect.any(Number),
      checksum: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect((await t.client.listSnapshots('snap')).map((s) => s.name)).toEqual([created!.name]);
    const download = await fetch(`${t.url}/collections/snap/snapshots/${created!.name}`);
    expect(download.status).toBe(200);
    expect((await download.arrayBuffer()).byteLength).toBe(created!.size);
    expect(await t.client.deleteSnapshot('snap', created!.name)).toBe(true);
    expect(await t.client.listSnapshots('snap')).toEqual([]);
  });

  it('takes snapshots asked for in the same millisecond, each under its own name', async () => {
    // Only the clock stands still (it did under load): timers and I/O run as usual.
    jest.useFakeTimers({
      now: new Date('2026-01-01T00:00:00Z'),
      doNotFake: [
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout',
      ],
    });
    try {
      const taken = await Promise.all([1, 2, 3].map(() => t.client.createSnapshot('snap')));
      const names = taken.map((snapshot) => snapshot!.name);
      expect(new Set(names).size).toBe(3);
      const listed = (await t.client.listSnapshots('snap')).map((s) => s.name);
      expect(listed.sort()).toEqual([...names].sort());
      for (const name of names) await t.client.deleteSnapshot('snap', name);
    } finally {
      jest.useRealTimers();
    }
  });

  it('recovers a collection from a snapshot file path, replacing what changed since', async () => {
    const created = await t.client.createSnapshot('snap');
    const download = Buffer.from(
      await (await fetch(`${t.url}/collections/snap/snapshots/${created!.name}`)).arrayBuffer(),
    );
    const file = join(t.dataDir, 'copy.snapshot');
    writeFileSync(file, download);
    await t.client.delete('snap', { wait: true, points: [1] });
    expect(
      await t.client.recoverSnapshot('snap', {
        location: `file://${file}`,
        checksum: created!.checksum,
      }),
    ).toBe(true);
    expect((await t.client.retrieve('snap', { ids: [1, 2] })).map((p) => p.payload)).toEqual([
      { v: 'one' },
      { v: 'two' },
    ]);
    await expect(
      t.client.recoverSnapshot('snap', { location: `file://${file}`, checksum: '0'.repeat(64) }),
    ).rejects.toMatchObject({
      status: 400,
    });
  });

  it('recovers an uploaded snapshot into a new collection', async () => {
    const created = await t.client.createSnapshot('snap');
    const bytes = await (
      await fetch(`${t.url}/collections/snap/snapshots/${created!.name}`)
    ).arrayBuffer();
    const form = new FormData();
    form.append('snapshot', new Blob([bytes]), 'snap.snapshot');
    const response = await fetch(`${t.url}/collections/copy/snapshots/upload?wait=true`, {
      method: 'POST',
      body: form,
    });
    expect(response.status).toBe(200);
    const hits = await t.client.search('copy', { vector: [0, 1], limit: 1, with_payload: true });
    expect(hits[0]).toMatchObject({ id: 2, payload: { v: 'two' } });
  });

  it('keeps everything across a restart: points, payloads, payload indexes and aliases', async () => {
    await t.client.createPayloadIndex('snap', {
      field_name: 'v',
      field_schema: 'keyword',
      wait: true,
    });
    await t.client.updateCollectionAliases({
      actions: [{ create_alias: { collection_name: 'snap', alias_name: 'kept' } }],
    });
    const dataDir = t.dataDir;
    await t.stop(true);
    t = await startTestEngine(dataDir);
    const info = await t.client.getCollection('kept');
    expect(info.points_count).toBe(2);
    expect(info.payload_schema['v']).toMatchObject({ data_type: 'keyword', points: 2 });
    const hits = await t.client.search('snap', {
      vector: [1, 0],
      limit: 1,
      filter: { must: [{ key: 'v', match: { value: 'one' } }] },
    });
    expect(hits.map((h) => h.id)).toEqual([1]);
  });
});
