import { mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from '@aip/platform';
import { parseSettings } from '../settings-validation';
import { RecordingSink } from '../testing/recording-sink';
import { testContext, TestRedis } from '../testing/test-context';
import { DirectorySettings } from './directory-settings';
import { DirectorySource } from './directory.source';

describe('DirectorySource (real files and chokidar, stand-in sink)', () => {
  // Real folders watched by chokidar: on a busy machine a first scan can take seconds.
  jest.setTimeout(30_000);
  const redis = new TestRedis();
  let folder: string;
  let source: DirectorySource | undefined;
  beforeEach(() => (folder = mkdtempSync(join(tmpdir(), 'aip-folder-'))));
  afterEach(async () => {
    await source?.stop();
    rmSync(folder, { recursive: true, force: true });
  });
  afterAll(() => redis.close());

  const until = (what: string, check: () => boolean) =>
    waitFor(async () => (check() ? true : undefined), { timeoutMs: 15_000, intervalMs: 10, what });

  function start(sink: RecordingSink, id: string, settings: Record<string, unknown> = {}) {
    const store = redis.store();
    const context = testContext(store, sink, id);
    source = new DirectorySource(
      parseSettings(DirectorySettings, { path: folder, root: folder, ...settings }),
      context,
    );
    return { store, context, started: source.start() };
  }

  it('reads existing files, then follows additions, changes and deletions, typed by extension', async () => {
    mkdirSync(join(folder, 'src'));
    writeFileSync(join(folder, 'README.md'), '# Readme\n\nHello.');
    const sink = new RecordingSink();
    await start(sink, 'follow').started;
    await until('README.md', () => sink.documents.has('README.md'));
    expect(sink.documents.get('README.md')).toMatchObject({
      type: 'markdown',
      metadata: { path: 'README.md' },
    });

    writeFileSync(join(folder, 'src', 'main.py'), 'def main():\n    return 1\n');
    await until('src/main.py', () => sink.documents.has('src/main.py'));
    expect(sink.documents.get('src/main.py')).toMatchObject({ type: 'code', language: 'python' });

    writeFileSync(join(folder, 'README.md'), '# Readme\n\nChanged.');
    await until('the change', () => sink.textOf('README.md')?.includes('Changed') === true);

    unlinkSync(join(folder, 'src', 'main.py'));
    await until('the deletion', () => !sink.documents.has('src/main.py'));
  });

  it('reads only included, non-excluded files with a listed extension, under the size limit', async () => {
    mkdirSync(join(folder, 'node_modules'));
    writeFileSync(join(folder, 'node_modules', 'dep.js'), 'module.exports = 1;');
    writeFileSync(join(folder, 'image.png'), 'not text');
    writeFileSync(join(folder, 'big.txt'), 'x'.repeat(2000));
    writeFileSync(join(folder, 'notes.txt'), 'kept');
    writeFileSync(join(folder, 'skip.txt'), 'not included');
    const sink = new RecordingSink();
    await start(sink, 'filters', {
      include: ['notes.txt', 'big.txt', '**/*.js'],
      max_file_bytes: 1000,
    }).started;
    await until('notes.txt', () => sink.documents.has('notes.txt'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect([...sink.documents.keys()]).toEqual(['notes.txt']);
  });

  it('removes documents of files deleted while it was stopped, when it starts again', async () => {
    writeFileSync(join(folder, 'a.txt'), 'alpha');
    writeFileSync(join(folder, 'b.txt'), 'beta');
    const sink = new RecordingSink();
    const first = start(sink, 'restart');
    await first.started;
    await until('both files', () => sink.documents.size === 2);
    await first.context.writer.drain();
    await source!.stop();

    unlinkSync(join(folder, 'b.txt'));
    const second = new DirectorySource(
      parseSettings(DirectorySettings, { path: folder, root: folder }),
      testContext(first.store, sink, 'restart'),
    );
    source = second;
    await second.start();
    await until('b.txt removed', () => !sink.documents.has('b.txt'));
    expect(sink.documents.has('a.txt')).toBe(true);
  });

  it('never reads a file outside its declared directory through a symlink', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'aip-outside-'));
    writeFileSync(join(outside, 'secret.txt'), 'outside the root');
    writeFileSync(join(folder, 'inside.txt'), 'inside the root');
    writeFileSync(join(folder, 'target.txt'), 'linked inside the root');
    symlinkSync(join(outside, 'secret.txt'), join(folder, 'escape.txt'));
    symlinkSync(join(folder, 'target.txt'), join(folder, 'alias.txt'));
    const sink = new RecordingSink();
    try {
      const { context, started } = start(sink, 'symlinks');
      const warn = jest.spyOn(context.logger, 'warn');
      await started;
      await until('the files inside', () => sink.documents.has('inside.txt'));
      await until('the link inside', () => sink.documents.has('alias.txt'));
      await until('the link outside skipped', () =>
        warn.mock.calls.some(([fields]) => (fields as { path?: string }).path === 'escape.txt'),
      );
      await context.writer.drain();
      expect(sink.documents.has('escape.txt')).toBe(false);
      expect([...sink.documents.values()].some((d) => d.text.includes('outside'))).toBe(false);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });
});
