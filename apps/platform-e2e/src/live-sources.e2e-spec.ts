import { mkdirSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { waitFor } from '@aip/platform';
import { FakeKubeApiServer, startTestStack, type TestStack } from '@aip/testing';
import { httpJson, type ErrorBodyShape } from './http';

interface Point {
  id: string;
  payload: Record<string, unknown>;
}
interface SourceShape {
  id: string;
  state: string;
  counts: Record<string, number>;
  last_event_at: string | null;
}

const RUN = Date.now().toString(36);
const COLLECTION = `live_${RUN}`;
/** Source ids outlive a run in Redis: each run has its own. */
const NOTES = `notes-${RUN}`;
const CLUSTER = `cluster-${RUN}`;
const ARTICLES = `articles-${RUN}`;
const PG_URL = 'postgresql://postgres@127.0.0.1:5432/test';
const PG_SCHEMA = `aip_live_${process.pid}_${Date.now()}`;
/** The PostgreSQL source's poll interval; a row change must be searchable within it + 500 ms. */
const POLL_MS = 500;
const KINDS = [
  { kind: 'ConfigMap', apiVersion: 'v1', plural: 'configmaps' },
  { kind: 'Deployment', apiVersion: 'apps/v1', plural: 'deployments' },
];

describe('live sources through the gateway: folders, Kubernetes (fake Kubernetes API server standing in for a cluster), PostgreSQL (processes, real NATS, Redis and PostgreSQL)', () => {
  jest.setTimeout(30_000);
  let platform: TestStack;
  let folder: string;
  /** The sync-worker's settings folder: its SYNC_SOURCES_FILE and files only the operator sees. */
  let settingsDir: string;
  let kube: FakeKubeApiServer;
  let kubeUrl: string;
  /** A stand-in for a hostile Kubernetes API server: lists are empty, every watch ends at once. */
  let hostile: Server;
  let hostileWatches = 0;
  let pg: Client;

  const call = <T>(method: string, path: string, body?: unknown) =>
    httpJson<T>(`${platform.gatewayUrl}${path}`, {
      method,
      headers: { Authorization: `Bearer ${platform.adminKey}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  /** The chunks of one document of one source, as stored. */
  const chunksOf = async (source: string, uid: string): Promise<Point[]> => {
    const reply = await call<{ points: Point[] }>('POST', '/api/v1/vectors/scroll', {
      collection: COLLECTION,
      filter: {
        must: [
          { key: 'source', match: { value: source } },
          { key: 'source_uid', match: { value: uid } },
        ],
      },
      limit: 100,
    });
    expect(reply.status).toBe(200);
    return reply.body.points;
  };
  const textOf = (points: Point[]) => points.map((p) => String(p.payload['text'])).join('\n');
  /** Waits until a search for `words` finds the document of `source` holding them. */
  const untilFound = (source: string, words: string, timeoutMs = 5000) =>
    waitFor(
      async () => {
        const reply = await call<{ points: Point[] }>('POST', '/api/v1/vectors/search', {
          collection: COLLECTION,
          text: words,
          top_k: 5,
          filter: { must: [{ key: 'source', match: { value: source } }] },
        });
        return reply.body.points?.find((p) => String(p.payload['text']).includes(words));
      },
      { timeoutMs, intervalMs: 25, what: `"${words}" to be searchable from ${source}` },
    );
  const untilGone = (source: string, uid: string, timeoutMs = 5000) =>
    waitFor(async () => ((await chunksOf(source, uid)).length === 0 ? true : undefined), {
      timeoutMs,
      intervalMs: 25,
      what: `${uid} to be removed from ${source}`,
    });
  const addSource = (body: Record<string, unknown>) =>
    call<SourceShape & ErrorBodyShape>('POST', '/api/v1/sources', {
      collection: COLLECTION,
      ...body,
    });

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'aip-live-folder-'));
    settingsDir = mkdtempSync(join(tmpdir(), 'aip-live-settings-'));
    kube = new FakeKubeApiServer(KINDS);
    kubeUrl = await kube.start();
    hostile = createServer((request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/json' });
      if (request.url?.includes('watch=true')) {
        hostileWatches++;
        response.end();
      } else response.end('{"kind":"List","items":[],"metadata":{"resourceVersion":"1"}}');
    });
    // Bound here and used at once: no port is picked first and bound later.
    await new Promise<void>((resolve) => hostile.listen(0, '127.0.0.1', resolve));
    const hostileUrl = `http://127.0.0.1:${(hostile.address() as { port: number }).port}`;
    // What sources may reach is the operator's: a folder, the test database, the stand-in clusters.
    const sourcesFile = join(settingsDir, 'sources.yaml');
    writeFileSync(
      sourcesFile,
      [
        'directories:',
        `  notes: ${folder}`,
        'databases:',
        `  test: { url: "${PG_URL}", tables: ["${PG_SCHEMA}.articles"] }`,
        'clusters:',
        `  fake: { server: "${kubeUrl}" }`,
        `  hostile: { server: "${hostileUrl}" }`,
      ].join('\n'),
    );
    pg = new Client({ connectionString: PG_URL });
    await pg.connect();
    await pg.query(`CREATE SCHEMA ${PG_SCHEMA}`);
    await pg.query(
      `CREATE TABLE ${PG_SCHEMA}.articles (id serial PRIMARY KEY, title text NOT NULL, body text NOT NULL, updated_at timestamptz NOT NULL DEFAULT clock_timestamp())`,
    );
    platform = await startTestStack({
      apps: ['vector-engine', 'embedding', 'vector', 'sync-worker', 'gateway'],
      env: {
        GATEWAY_REQUIRED_SERVICES: 'embedding,vector,sync-worker',
        SYNC_SOURCES_FILE: sourcesFile,
      },
    });
    const created = await call('POST', '/api/v1/collections', {
      name: COLLECTION,
      model: 'default',
    });
    expect(created.status).toBe(201);
  }, 120_000);

  afterAll(async () => {
    for (const id of [CLUSTER, ARTICLES]) await call('DELETE', `/api/v1/sources/${id}`);
    await platform?.stop();
    await kube?.stop();
    await new Promise((resolve) => hostile?.close(resolve));
    await pg?.query(`DROP SCHEMA IF EXISTS ${PG_SCHEMA} CASCADE`);
    await pg?.end();
    rmSync(folder, { recursive: true, force: true });
    rmSync(settingsDir, { recursive: true, force: true });
  });

  it('refuses bad sources with a 400 naming the field', async () => {
    const missing = await addSource({
      id: 'bad-folder',
      kind: 'directory',
      settings: { directory: 'notes', path: 'no/such/folder' },
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain('settings.path');
    const events = await addSource({
      id: 'bad-kube',
      kind: 'kubernetes',
      settings: { cluster: 'fake', kinds: ['Event'] },
    });
    expect(events.status).toBe(400);
    expect(events.body.error.message).toContain('Event and Lease are never indexed');
    const kind = await addSource({ id: 'bad-kind', kind: 'ftp', settings: {} });
    expect(kind.status).toBe(400);
    expect(kind.body.error.message).toContain('kind must be one of');
    const poll = await addSource({
      id: 'bad-pg',
      kind: 'postgres',
      settings: {
        database: 'test',
        table: `${PG_SCHEMA}.articles`,
        template: '{{a}}',
        poll_interval_ms: 5,
      },
    });
    expect(poll.status).toBe(400);
    expect(poll.body.error.message).toContain('poll_interval_ms must be at least 100');
  });

  it('folder: a second source of the same id is 409; a new file becomes searchable, a change replaces it, a deletion removes it, pause stops propagation', async () => {
    writeFileSync(join(folder, 'ignored.bin'), 'binary-ish');
    const added = await addSource({
      id: NOTES,
      kind: 'directory',
      settings: { directory: 'notes' },
    });
    expect(added.status).toBe(201);
    expect(added.body.state).toBe('running');
    const again = await addSource({
      id: NOTES,
      kind: 'directory',
      settings: { directory: 'notes' },
    });
    expect(again.status).toBe(409);

    writeFileSync(
      join(folder, 'lighthouse.md'),
      '# Keeper log\n\nThe lighthouse keeper polished the brass lamp.',
    );
    await untilFound(NOTES, 'lighthouse keeper polished');
    const [chunk] = await chunksOf(NOTES, 'lighthouse.md');
    expect(chunk!.payload).toMatchObject({ path: 'lighthouse.md', extension: 'md' });

    writeFileSync(
      join(folder, 'lighthouse.md'),
      '# Keeper log\n\nA storm broke the northern window.',
    );
    await untilFound(NOTES, 'storm broke the northern window');
    expect(textOf(await chunksOf(NOTES, 'lighthouse.md'))).not.toContain('polished');

    unlinkSync(join(folder, 'lighthouse.md'));
    await untilGone(NOTES, 'lighthouse.md');
    expect(await chunksOf(NOTES, 'ignored.bin')).toEqual([]);

    expect((await call<SourceShape>('POST', `/api/v1/sources/${NOTES}/pause`)).body.state).toBe(
      'paused',
    );
    writeFileSync(
      join(folder, 'paused.txt'),
      'Written while the source was paused: violet harbour.',
    );
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await chunksOf(NOTES, 'paused.txt')).toEqual([]);
    expect((await call<SourceShape>('POST', `/api/v1/sources/${NOTES}/resume`)).body.state).toBe(
      'running',
    );
    await untilFound(NOTES, 'violet harbour');

    const listed = await call<{ sources: SourceShape[] }>('GET', '/api/v1/sources');
    const notes = listed.body.sources.find((s) => s.id === NOTES)!;
    expect(notes.counts['upserted']).toBeGreaterThanOrEqual(3);
    expect(notes.counts['removed']).toBeGreaterThanOrEqual(1);
    expect(notes.last_event_at).not.toBeNull();
  });

  it('Kubernetes (fake Kubernetes API server): ADDED, MODIFIED and DELETED propagate, kube-system is left out, a 410 Gone re-lists', async () => {
    const shop = kube.apply('configmaps', {
      metadata: {
        name: 'shop-settings',
        namespace: 'shop',
        labels: { app: 'shop' },
        managedFields: [{ manager: 'kubectl' }],
      },
      data: { greeting: 'Welcome to the marmalade emporium' },
    });
    kube.apply('configmaps', {
      metadata: { name: 'coredns', namespace: 'kube-system' },
      data: { Corefile: 'saffron resolver' },
    });
    const added = await addSource({
      id: CLUSTER,
      kind: 'kubernetes',
      settings: { cluster: 'fake', kinds: ['ConfigMap', 'Deployment'] },
    });
    expect(added.status).toBe(201);

    const found = await untilFound(CLUSTER, 'marmalade emporium');
    expect(found.payload).toMatchObject({
      kind: 'ConfigMap',
      namespace: 'shop',
      name: 'shop-settings',
      uid: shop.metadata.uid,
      labels: { app: 'shop' },
    });
    expect(String(found.payload['text'])).not.toContain('managedFields');

    const deployment = kube.apply('deployments', {
      metadata: { name: 'web', namespace: 'shop' },
      spec: {
        replicas: 2,
        template: { spec: { containers: [{ name: 'web', image: 'tangerine-server:1.0' }] } },
      },
    });
    await untilFound(CLUSTER, 'tangerine-server:1.0');
    kube.apply('configmaps', {
      metadata: { name: 'shop-settings', namespace: 'shop' },
      data: { greeting: 'Closed for the quince harvest' },
    });
    await untilFound(CLUSTER, 'quince harvest');
    expect(textOf(await chunksOf(CLUSTER, shop.metadata.uid!))).not.toContain('marmalade');
    kube.delete('deployments', 'shop', 'web');
    await untilGone(CLUSTER, deployment.metadata.uid!);

    // Deleted while the watch was down, with the history compacted: only a re-list can tell.
    const lists = () =>
      kube.requests.filter((r) => r.startsWith('/api/v1/configmaps?') && !r.includes('watch=true'))
        .length;
    const listsBefore = lists();
    kube.deleteSilently('configmaps', 'shop', 'shop-settings');
    kube.dropConnections();
    await untilGone(CLUSTER, shop.metadata.uid!, 10_000);
    expect(lists()).toBeGreaterThan(listsBefore);
    const system = await call<{ points: Point[] }>('POST', '/api/v1/vectors/scroll', {
      collection: COLLECTION,
      filter: { must: [{ key: 'namespace', match: { value: 'kube-system' } }] },
    });
    expect(system.body.points).toEqual([]);
  });

  it(`PostgreSQL: inserted, updated and deleted rows propagate within the poll interval (${POLL_MS} ms) + 500 ms`, async () => {
    await pg.query(
      `INSERT INTO ${PG_SCHEMA}.articles (title, body) VALUES ('Old news', 'The ferry timetable changed on Monday.')`,
    );
    const added = await addSource({
      id: ARTICLES,
      kind: 'postgres',
      settings: {
        database: 'test',
        table: `${PG_SCHEMA}.articles`,
        template: '{{title}}\n{{body}}',
        poll_interval_ms: POLL_MS,
        metadata_columns: ['title'],
      },
    });
    expect(added.status).toBe(201);
    expect(JSON.stringify(added.body)).not.toContain('postgresql://');
    await untilFound(ARTICLES, 'ferry timetable changed', 10_000);

    const budget = POLL_MS + 500;
    const { rows } = await pg.query<{ id: number }>(
      `INSERT INTO ${PG_SCHEMA}.articles (title, body) VALUES ('Harbour', 'Pelicans nested on the pier this spring.') RETURNING id`,
    );
    await untilFound(ARTICLES, 'Pelicans nested on the pier', budget);
    await pg.query(
      `UPDATE ${PG_SCHEMA}.articles SET body = 'Cormorants replaced the pelicans.', updated_at = clock_timestamp() WHERE id = $1`,
      [rows[0]!.id],
    );
    await untilFound(ARTICLES, 'Cormorants replaced', budget);
    expect(textOf(await chunksOf(ARTICLES, String(rows[0]!.id)))).not.toContain('Pelicans nested');
    await pg.query(`DELETE FROM ${PG_SCHEMA}.articles WHERE id = $1`, [rows[0]!.id]);
    await untilGone(ARTICLES, String(rows[0]!.id), budget);
  });

  it("live sources are the operator's: an operator key cannot add one, and no request names a server, token file, outside folder or SQL", async () => {
    // A server of an attacker's, recording whatever reaches it, and a secret only the operator's
    // settings may point at.
    const seen: string[] = [];
    const attacker: Server = createServer((request, response) => {
      seen.push(`${request.method} ${request.url} ${request.headers.authorization ?? ''}`);
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end('{"kind":"List","items":[],"metadata":{"resourceVersion":"1"}}');
    });
    // Bound here and used at once: no port is picked first and bound later.
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    const attackerUrl = `http://127.0.0.1:${(attacker.address() as { port: number }).port}`;
    const secretFile = join(settingsDir, 'operator-secret');
    writeFileSync(secretFile, 'never-sent-anywhere');
    mkdirSync(join(folder, 'guarded'), { recursive: true });
    try {
      const operator = await call<{ key: string }>('POST', '/api/v1/admin/keys', {
        role: 'operator',
        name: `e2e operator ${RUN}`,
      });
      expect(operator.status).toBe(201);
      const asOperator = (method: string, path: string, body?: unknown) =>
        httpJson<ErrorBodyShape & { sources: { id: string; settings: object }[] }>(
          `${platform.gatewayUrl}${path}`,
          {
            method,
            headers: { 'X-API-Key': operator.body.key, 'Content-Type': 'application/json' },
            body: body === undefined ? undefined : JSON.stringify(body),
          },
        );
      const byOperator = await asOperator('POST', '/api/v1/sources', {
        id: `stolen-${RUN}`,
        kind: 'kubernetes',
        collection: COLLECTION,
        settings: { cluster: 'fake', server: attackerUrl, token_file: secretFile },
      });
      expect(byOperator.status).toBe(403);
      expect(byOperator.body.error.message).toContain('sources:manage');

      const refused: [string, Record<string, unknown>, string][] = [
        ['kubernetes', { cluster: 'fake', server: attackerUrl }, 'settings.server'],
        ['kubernetes', { cluster: 'fake', token_file: secretFile }, 'settings.token_file'],
        ['kubernetes', { cluster: 'elsewhere' }, 'settings.cluster elsewhere is not a declared'],
        ['directory', { path: '/etc' }, 'settings.directory'],
        [
          'directory',
          { directory: 'notes', path: '../../etc' },
          'settings.path must be a relative',
        ],
        ['directory', { directory: 'etc' }, 'settings.directory etc is not a declared'],
        [
          'postgres',
          {
            database: 'test',
            query: 'select usename, passwd from pg_shadow',
            template: '{{usename}}',
          },
          'settings.query must name one of',
        ],
        [
          'postgres',
          { database: 'test', table: 'pg_catalog.pg_shadow', template: '{{usename}}' },
          'system catalog',
        ],
        ['postgres', { connection: PG_URL, table: 'x', template: '{{a}}' }, 'settings.connection'],
      ];
      for (const [index, [kind, settings, message]] of refused.entries()) {
        const reply = await addSource({ id: `refused-${index}-${RUN}`, kind, settings });
        expect({ kind, settings, status: reply.status }).toEqual({ kind, settings, status: 400 });
        expect(reply.body.error.message).toContain(message);
      }

      // Readers learn that a source exists, not what it reads.
      const guarded = `guarded-${RUN}`;
      const added = await addSource({
        id: guarded,
        kind: 'directory',
        settings: { directory: 'notes', path: 'guarded' },
      });
      expect(added.status).toBe(201);
      const listed = await asOperator('GET', '/api/v1/sources');
      expect(listed.body.sources.find((s) => s.id === guarded)?.settings).toEqual({});
      const full = await call<{ sources: { id: string; settings: object }[] }>(
        'GET',
        '/api/v1/sources',
      );
      expect(full.body.sources.find((s) => s.id === guarded)?.settings).toEqual({
        directory: 'notes',
        path: 'guarded',
      });
      expect((await call('DELETE', `/api/v1/sources/${guarded}`)).status).toBe(200);
      expect(
        full.body.sources.some((s) => s.id.startsWith('refused-') || s.id.startsWith('stolen-')),
      ).toBe(false);
      expect(seen).toEqual([]);
    } finally {
      await new Promise((resolve) => attacker.close(resolve));
    }
  });

  it('a Kubernetes server that ends every watch at once (hostile stand-in) is asked again with growing waits, not in a loop', async () => {
    const id = `hostile-${RUN}`;
    const added = await addSource({
      id,
      kind: 'kubernetes',
      settings: { cluster: 'hostile', kinds: ['ConfigMap'] },
    });
    expect(added.status).toBe(201);
    await waitFor(async () => (hostileWatches > 0 ? true : undefined), {
      timeoutMs: 5000,
      intervalMs: 20,
      what: 'the first watch',
    });
    const first = hostileWatches;
    await new Promise((resolve) => setTimeout(resolve, 2000));
    // Unpaced, the informer restarts each ended watch at once: hundreds per second. Paced, the
    // waits double from 500 ms, so two seconds hold at most a handful.
    expect(hostileWatches - first).toBeLessThanOrEqual(5);
    expect((await call('DELETE', `/api/v1/sources/${id}`)).status).toBe(200);
    const log = readFileSync(join(platform.dataDir, 'logs', 'sync-worker.log'), 'utf8');
    expect(log).not.toContain('unhandled promise rejection');
  });

  it('removing a source stops it and deletes its documents', async () => {
    const removed = await call<{ chunks_deleted: number }>('DELETE', `/api/v1/sources/${NOTES}`);
    expect(removed.status).toBe(200);
    expect(removed.body.chunks_deleted).toBeGreaterThan(0);
    await untilGone(NOTES, 'paused.txt');
    expect((await call('GET', `/api/v1/sources/${NOTES}`)).status).toBe(404);
  });
});
