import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { ErrorCode } from '@aip/contracts';
import { loadConfig, waitFor } from '@aip/platform';
import { SyncWorkerConfig } from '../config/sync-worker.config';
import { SourceRegistry } from './source-registry.service';
import { RecordingSink } from './testing/recording-sink';
import { TestRedis } from './testing/test-context';

describe('SourceRegistry (real Redis and files, stand-in sink)', () => {
  // Real folders watched by chokidar: on a busy machine a first scan can take seconds.
  jest.setTimeout(30_000);
  const redis = new TestRedis();
  let folder: string;
  let settingsDir: string;
  /** The operator's file declaring the watched folder as directory `notes`. */
  let targetsFile: string;
  const registries: SourceRegistry[] = [];
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'aip-registry-'));
    settingsDir = mkdtempSync(join(tmpdir(), 'aip-registry-settings-'));
    targetsFile = join(settingsDir, 'targets.yaml');
    writeFileSync(targetsFile, `directories:\n  notes: ${folder}\n`);
  });
  afterEach(async () => {
    await Promise.all(registries.splice(0).map((registry) => registry.onApplicationShutdown()));
    rmSync(folder, { recursive: true, force: true });
    rmSync(settingsDir, { recursive: true, force: true });
  });
  afterAll(() => redis.close());

  async function boot(sink: RecordingSink, env: Record<string, string> = {}) {
    const config = loadConfig(SyncWorkerConfig, { SYNC_SOURCES_FILE: targetsFile, ...env });
    const registry = new SourceRegistry(
      redis.redis,
      sink,
      config,
      pino({ level: 'silent' }),
      redis.prefix,
    );
    registries.push(registry);
    await registry.onApplicationBootstrap();
    return registry;
  }
  const until = (what: string, check: () => boolean) =>
    waitFor(async () => (check() ? true : undefined), { timeoutMs: 15_000, intervalMs: 10, what });

  it('keeps sources across a restart: a paused one stays paused, and on resume catches up', async () => {
    const sink = new RecordingSink();
    const first = await boot(sink);
    // Written before the source starts: add() answers before the watcher is ready, and a file
    // written in that window is not seen until it changes again.
    writeFileSync(join(folder, 'a.txt'), 'alpha');
    await first.add({
      id: 'docs',
      kind: 'directory',
      collection: 'notes',
      settings: { directory: 'notes' },
    });
    await until('a.txt', () => sink.documents.has('a.txt'));
    expect((await first.pause('docs')).state).toBe('paused');
    await first.onApplicationShutdown();

    writeFileSync(join(folder, 'b.txt'), 'beta');
    unlinkSync(join(folder, 'a.txt'));
    const second = await boot(sink);
    const [listed] = await second.list();
    expect(listed).toMatchObject({
      id: 'docs',
      state: 'paused',
      collection: 'notes',
      origin: 'api',
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sink.documents.has('b.txt')).toBe(false);

    expect((await second.resume('docs')).state).toBe('running');
    await until(
      'b.txt, and a.txt removed',
      () => sink.documents.has('b.txt') && !sink.documents.has('a.txt'),
    );
  });

  it('refuses a second source of the same id (409) and unknown ids (404)', async () => {
    const registry = await boot(new RecordingSink());
    await registry.add({
      id: 'once',
      kind: 'directory',
      collection: 'notes',
      settings: { directory: 'notes' },
    });
    await expect(
      registry.add({
        id: 'once',
        kind: 'directory',
        collection: 'notes',
        settings: { directory: 'notes' },
      }),
    ).rejects.toMatchObject({ code: ErrorCode.Conflict });
    await expect(registry.pause('never')).rejects.toMatchObject({ code: ErrorCode.NotFound });
    await expect(registry.list('never')).rejects.toMatchObject({ code: ErrorCode.NotFound });
  });

  it('starts the sources of SYNC_SOURCES_FILE at boot (YAML), and removing one deletes its documents', async () => {
    writeFileSync(join(folder, 'guide.md'), '# Guide');
    const file = join(settingsDir, 'sources.yaml');
    writeFileSync(
      file,
      `directories:\n  notes: ${folder}\nsources:\n  - id: from-file\n    kind: directory\n    collection: notes\n    settings:\n      directory: notes\n      include: ["*.md"]\n`,
    );
    const sink = new RecordingSink();
    const registry = await boot(sink, { SYNC_SOURCES_FILE: file });
    await until('guide.md', () => sink.documents.has('guide.md'));
    expect((await registry.list('from-file'))[0]).toMatchObject({
      origin: 'file',
      state: 'running',
    });
    await registry.drained('from-file');

    expect(await registry.remove('from-file')).toMatchObject({ id: 'from-file' });
    expect(sink.documents.size).toBe(0);
    expect((await registry.list()).map((source) => source.id)).not.toContain('from-file');
  });

  it('refuses a sources file entry with a bad field at boot, naming the entry', async () => {
    const file = join(settingsDir, 'sources.json');
    writeFileSync(
      file,
      JSON.stringify({ sources: [{ id: 'bad id', kind: 'directory', collection: 'notes' }] }),
    );
    await expect(boot(new RecordingSink(), { SYNC_SOURCES_FILE: file })).rejects.toThrow(
      /sources\[0\]: id must be 1-64 letters/,
    );
  });

  it('keeps a stored source whose directory is no longer declared as failed, naming why', async () => {
    const first = await boot(new RecordingSink());
    await first.add({
      id: 'gone',
      kind: 'directory',
      collection: 'notes',
      settings: { directory: 'notes' },
    });
    await first.onApplicationShutdown();
    writeFileSync(targetsFile, 'directories: {}\n');
    const second = await boot(new RecordingSink());
    expect((await second.list('gone'))[0]).toMatchObject({
      state: 'failed',
      last_error: expect.stringContaining(
        'settings.directory notes is not a declared directory',
      ) as unknown,
    });
  });
});
