import { SNAPSHOT_CHUNK_BYTES } from '@aip/contracts';
import { startTestStack, type TestStack } from '@aip/testing';
import { httpJson, type ErrorBodyShape } from './http';

interface Hit {
  id: string | number;
  score: number;
  payload: Record<string, unknown>;
}

interface Cluster {
  id: number;
  size: number;
  centroid: number[];
  members: (string | number)[];
}

interface ClusterReply {
  k: number;
  chosen_by: string;
  silhouette: number;
  sampled: boolean;
  points_total: number;
  clusters: Cluster[];
}

interface Snapshot {
  name: string;
  size: number;
}

/** Three groups of ten points in 8-d, each around its own axis: ids 100-109, 200-209, 300-309. */
const GROUPS = [100, 200, 300];
function groupPoints(): { id: number; vector: number[]; payload: { group: string } }[] {
  return GROUPS.flatMap((base, axis) =>
    Array.from({ length: 10 }, (_, i) => {
      const vector = Array.from({ length: 8 }, (__, d) => (d === axis ? 1 : 0));
      // A small, different tilt per point: near each other, far from the other groups.
      vector[3 + (i % 5)] += 0.05 + i * 0.01;
      return { id: base + i, vector, payload: { group: `g${axis}` } };
    }),
  );
}

describe('exploring collections through the gateway: recommend, cluster, settings, snapshots (processes)', () => {
  let platform: TestStack;
  const run = `${process.pid}_${Date.now()}`;
  const collection = `explore_${run}`;
  const call = <T>(method: string, path: string, body?: unknown, key?: string) =>
    httpJson<T>(`${platform.gatewayUrl}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${key ?? platform.adminKey}`,
        'Content-Type': 'application/json',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const download = (url: string, key?: string) =>
    fetch(url, {
      headers: key ? { Authorization: `Bearer ${key}` } : {},
      signal: AbortSignal.timeout(30_000),
    });

  beforeAll(async () => {
    platform = await startTestStack({
      apps: ['vector-engine', 'vector', 'gateway'],
      env: { GATEWAY_REQUIRED_SERVICES: 'vector' },
    });
    const created = await call('POST', '/api/v1/collections', {
      name: collection,
      size: 8,
      distance: 'Cosine',
    });
    expect(created.status).toBe(201);
    const inserted = await call('POST', '/api/v1/vectors/batch', {
      collection,
      points: groupPoints(),
    });
    expect(inserted.status).toBe(201);
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  });

  it('recommends points like the positive examples and unlike the negative ones, never the examples', async () => {
    const { status, body } = await call<{ points: Hit[] }>('POST', '/api/v1/vectors/recommend', {
      collection,
      positive: [100, 101],
      negative: [200],
      top_k: 8,
    });
    expect(status).toBe(200);
    const ids = body.points.map((p) => p.id);
    expect(ids.slice(0, 8)).toEqual(expect.arrayContaining([102, 103, 104, 105, 106, 107, 108]));
    expect(ids).not.toContain(100);
    expect(ids).not.toContain(101);
    expect(ids).not.toContain(200);
    expect(body.points.every((p) => p.payload['group'] === 'g0')).toBe(true);

    const filtered = await call<{ points: Hit[] }>('POST', '/api/v1/vectors/recommend', {
      collection,
      positive: [300],
      top_k: 3,
      filter: { must: [{ key: 'group', match: { value: 'g1' } }] },
    });
    expect(filtered.body.points.map((p) => p.payload['group'])).toEqual(['g1', 'g1', 'g1']);
  });

  it("answers 404 naming an example id that is unknown, or another tenant's", async () => {
    const unknown = await call<ErrorBodyShape>('POST', '/api/v1/vectors/recommend', {
      collection,
      positive: [100, 999],
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain('No point 999');

    const tenantKey = await call<{ key: string }>('POST', '/api/v1/admin/keys', {
      role: 'writer',
      tenant: 'acme',
    });
    const own = await call(
      'POST',
      '/api/v1/vectors/insert',
      { collection, id: 900, vector: [1, 0, 0, 0, 0, 0, 0, 0.1] },
      tenantKey.body.key,
    );
    expect(own.status).toBe(201);
    const foreign = await call<ErrorBodyShape>(
      'POST',
      '/api/v1/vectors/recommend',
      { collection, positive: [900, 100] },
      tenantKey.body.key,
    );
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.message).toContain('No point 100 ');
    const alone = await call<ErrorBodyShape>(
      'POST',
      '/api/v1/vectors/recommend',
      { collection, positive: [900] },
      tenantKey.body.key,
    );
    // The tenant's only point is the example itself: nothing else of theirs to recommend.
    expect(alone.status).toBe(200);
    expect(alone.body).toEqual({ points: [] });
    await call('POST', '/api/v1/vectors/delete', { collection, ids: [900] }, tenantKey.body.key);
  });

  it('finds the three groups by silhouette, each in one cluster, the same way twice', async () => {
    const first = await call<ClusterReply>('POST', '/api/v1/vectors/cluster', { collection });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      k: 3,
      chosen_by: 'silhouette',
      sampled: false,
      points_total: 30,
    });
    expect(first.body.silhouette).toBeGreaterThan(0.8);
    const memberSets = first.body.clusters.map((c) => [...c.members].sort((a, b) => +a - +b));
    expect(memberSets).toEqual(
      expect.arrayContaining(GROUPS.map((base) => Array.from({ length: 10 }, (_, i) => base + i))),
    );
    for (const cluster of first.body.clusters) {
      expect(cluster.size).toBe(10);
      expect(Math.hypot(...cluster.centroid)).toBeCloseTo(1, 6);
    }
    const again = await call<ClusterReply>('POST', '/api/v1/vectors/cluster', { collection });
    expect(again.body).toEqual(first.body);

    const given = await call<ClusterReply>('POST', '/api/v1/vectors/cluster', {
      collection,
      k: 2,
      filter: { must_not: [{ key: 'group', match: { value: 'g2' } }] },
    });
    expect(given.body).toMatchObject({ k: 2, chosen_by: 'given', points_total: 20 });

    const sampled = await call<ClusterReply>('POST', '/api/v1/vectors/cluster', {
      collection,
      sample_size: 15,
    });
    expect(sampled.body).toMatchObject({ sampled: true, points_total: 30 });
    expect(sampled.body.clusters.reduce((sum, c) => sum + c.size, 0)).toBe(15);
  });

  it('refuses k above the points or the limit, and unknown collections, naming them', async () => {
    const tooMany = await call<ErrorBodyShape>('POST', '/api/v1/vectors/cluster', {
      collection,
      k: 40,
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toContain('k=40');
    expect(tooMany.body.error.message).toContain('has 30');
    const overLimit = await call<ErrorBodyShape>('POST', '/api/v1/vectors/cluster', {
      collection,
      k: 51,
    });
    expect(overLimit.status).toBe(400);
    expect(overLimit.body.error.message).toContain('k must be at most 50');
    const noRecommend = await call<ErrorBodyShape>('POST', '/api/v1/vectors/recommend', {
      collection: `missing_${run}`,
      positive: [1],
    });
    expect(noRecommend.status).toBe(404);
    expect(noRecommend.body.error.message).toContain(`missing_${run}`);
    const noCollection = await call<ErrorBodyShape>('POST', '/api/v1/vectors/cluster', {
      collection: `missing_${run}`,
    });
    expect(noCollection.status).toBe(404);
    expect(noCollection.body.error.message).toContain(`missing_${run}`);
  });

  it('changes HNSW, indexing threshold, quantization and payload indexes, visible in details', async () => {
    const updated = await call<{ config: Record<string, unknown> }>(
      'PUT',
      `/api/v1/collections/${collection}`,
      {
        hnsw_config: { m: 32, ef_construct: 200 },
        optimizers_config: { indexing_threshold: 20_000 },
        quantization: 'scalar',
        add_payload_indexes: { group: 'keyword' },
      },
    );
    expect(updated.status).toBe(200);
    const details = await call<Record<string, unknown>>('GET', `/api/v1/collections/${collection}`);
    expect(details.body).toMatchObject({
      distance: 'Cosine',
      size: 8,
      status: expect.any(String),
      payload_schema: { group: 'keyword', tenant_id: 'keyword' },
      config: {
        hnsw_config: { m: 32, ef_construct: 200 },
        optimizers_config: { indexing_threshold: 20_000 },
        quantization: 'scalar',
      },
    });
    const dropped = await call<{ payload_schema: Record<string, string> }>(
      'PUT',
      `/api/v1/collections/${collection}`,
      { remove_payload_indexes: ['group'] },
    );
    expect(dropped.body.payload_schema).toEqual({ tenant_id: 'keyword' });
    const bad = await call<ErrorBodyShape>('PUT', `/api/v1/collections/${collection}`, {
      hnsw_config: { m: 1000 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('hnsw_config.m must be at most 128');
  });

  it('turns quantization off again', async () => {
    const off = await call<{ config: { quantization: string } }>(
      'PUT',
      `/api/v1/collections/${collection}`,
      { quantization: 'none' },
    );
    expect(off.status).toBe(200);
    expect(off.body.config.quantization).toBe('none');
  });

  it('snapshots, downloads, and restores deleted points from a snapshot', async () => {
    const base = `/api/v1/collections/${collection}`;
    const created = await call<Snapshot>('POST', `${base}/snapshot`);
    expect(created.status).toBe(201);
    const listed = await call<{ snapshots: Snapshot[] }>('GET', `${base}/snapshots`);
    expect(listed.body.snapshots.map((s) => s.name)).toContain(created.body.name);

    const viaGateway = await download(
      `${platform.gatewayUrl}${base}/snapshots/${created.body.name}`,
      platform.adminKey,
    );
    expect(viaGateway.status).toBe(200);
    expect(viaGateway.headers.get('content-type')).toBe('application/octet-stream');
    const bytes = Buffer.from(await viaGateway.arrayBuffer());
    const direct = await download(
      `${platform.stack.url('vector-engine')}/collections/${collection}/snapshots/${created.body.name}`,
    );
    const directBytes = Buffer.from(await direct.arrayBuffer());
    expect(bytes.length).toBeGreaterThan(0);
    expect(bytes.length).toBe(directBytes.length);
    expect(bytes.equals(directBytes)).toBe(true);
    expect(bytes.length).toBe(created.body.size);

    const deleted = await call<{ deleted: number }>('POST', '/api/v1/vectors/delete', {
      collection,
      ids: [100, 101, 102],
    });
    expect(deleted.body.deleted).toBe(3);
    const restored = await call<{ restored: string; collection: { points_count: number } }>(
      'POST',
      `${base}/snapshots/${created.body.name}/restore`,
    );
    expect(restored.status).toBe(200);
    expect(restored.body.collection.points_count).toBe(30);
    const back = await call<{ id: number }>('GET', `/api/v1/vectors/101?collection=${collection}`);
    expect(back.status).toBe(200);
    expect(back.body.id).toBe(101);
  });

  it('streams a snapshot larger than one message in order, byte for byte', async () => {
    const big = `explore_big_${run}`;
    await call('POST', '/api/v1/collections', { name: big, size: 128, distance: 'Euclid' });
    for (let batch = 0; batch < 2; batch++) {
      const points = Array.from({ length: 500 }, (_, i) => ({
        id: batch * 500 + i + 1,
        vector: Array.from(
          { length: 128 },
          (__, d) => Math.round(Math.sin(i * 7 + d + batch) * 1000) / 1000,
        ),
      }));
      expect(
        (await call('POST', '/api/v1/vectors/batch', { collection: big, points })).status,
      ).toBe(201);
    }
    const created = await call<Snapshot>('POST', `/api/v1/collections/${big}/snapshot`);
    expect(created.body.size).toBeGreaterThan(2 * SNAPSHOT_CHUNK_BYTES);
    const viaGateway = await download(
      `${platform.gatewayUrl}/api/v1/collections/${big}/snapshots/${created.body.name}`,
      platform.adminKey,
    );
    expect(viaGateway.headers.get('content-length')).toBe(String(created.body.size));
    const direct = await download(
      `${platform.stack.url('vector-engine')}/collections/${big}/snapshots/${created.body.name}`,
    );
    const bytes = Buffer.from(await viaGateway.arrayBuffer());
    expect(bytes.equals(Buffer.from(await direct.arrayBuffer()))).toBe(true);
  });

  it('answers 404 for an unknown snapshot or collection', async () => {
    const base = `/api/v1/collections/${collection}`;
    const missing = await call<ErrorBodyShape>('GET', `${base}/snapshots/nope.snapshot`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toContain('No snapshot nope.snapshot');
    const restore = await call<ErrorBodyShape>('POST', `${base}/snapshots/nope.snapshot/restore`);
    expect(restore.status).toBe(404);
    const noCollection = await call<ErrorBodyShape>(
      'POST',
      `/api/v1/collections/missing_${run}/snapshot`,
    );
    expect(noCollection.status).toBe(404);
    const badName = await call<ErrorBodyShape>('GET', `${base}/snapshots/evil.txt`);
    expect(badName.status).toBe(400);
    expect(badName.body.error.message).toContain('ending in .snapshot');
  });
});
