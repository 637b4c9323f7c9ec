import { readFile, realpath, stat } from 'node:fs/promises';
import { basename, relative, sep } from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { backoffMs, type LiveSource, type SourceContext } from '../live-source';
import type { DirectorySettings } from './directory-settings';
import { documentTypeOf, extensionOf } from './file-type';
import { globMatcher } from './glob-match';
import { isInside } from './path-inside';

/**
 * A folder of text, markdown and code files: each file is one document whose source_uid is its
 * path relative to the folder. At start every file is read (unchanged ones cost a hash
 * comparison in the sink, not an embedding) and documents of files that disappeared while the
 * source was stopped are removed; then additions, changes and deletions follow as chokidar
 * (inotify on Linux) reports them.
 */
export class DirectorySource implements LiveSource {
  private watcher: FSWatcher | undefined;
  private retry: NodeJS.Timeout | undefined;
  private attempts = 0;
  private readonly included: (path: string) => boolean;
  private readonly excluded: (path: string) => boolean;
  private readonly extensions: Set<string>;

  constructor(
    private readonly settings: DirectorySettings,
    private readonly context: SourceContext,
  ) {
    this.included = globMatcher(settings.include);
    this.excluded = globMatcher(settings.exclude);
    this.extensions = new Set(settings.extensions.map((extension) => extension.toLowerCase()));
  }

  async start(): Promise<void> {
    try {
      if (!(await stat(this.settings.path)).isDirectory())
        throw new Error(`${this.settings.path} is not a folder`);
      await this.watch();
      this.attempts = 0;
      this.context.recovered();
    } catch (error) {
      this.context.failed(`cannot watch ${this.settings.path}: ${(error as Error).message}`);
      await this.watcher?.close();
      this.watcher = undefined;
      this.retry = setTimeout(() => void this.start(), backoffMs(++this.attempts));
    }
  }

  async stop(): Promise<void> {
    clearTimeout(this.retry);
    await this.watcher?.close();
    this.watcher = undefined;
  }

  /** Whether a relative file path is one this source reads. */
  accepts(relativePath: string): boolean {
    return (
      !this.excluded(relativePath) &&
      this.included(relativePath) &&
      this.extensions.has(extensionOf(relativePath))
    );
  }

  private watch(): Promise<void> {
    const seen = new Set<string>();
    const watcher = watch(this.settings.path, {
      ignoreInitial: false,
      followSymlinks: false,
      ignored: (path, stats) => this.ignored(path, stats?.isDirectory()),
    });
    this.watcher = watcher;
    const onFile = (path: string) => {
      const uid = this.relative(path);
      seen.add(uid);
      if (!this.accepts(uid)) return;
      this.context.events(1);
      void this.read(path, uid);
    };
    watcher.on('add', onFile);
    watcher.on('change', onFile);
    watcher.on('unlink', (path) => {
      const uid = this.relative(path);
      if (!this.accepts(uid)) return;
      this.context.events(1);
      this.context.writer.remove(uid);
    });
    watcher.on('error', (error) => this.context.failed(`watching: ${(error as Error).message}`));
    return new Promise((resolve, reject) => {
      watcher.once('error', reject);
      watcher.once('ready', () => {
        watcher.off('error', reject);
        void this.removeVanished(seen);
        resolve();
      });
    });
  }

  /** Documents written before whose files are gone (deleted while the source was stopped). */
  private async removeVanished(seen: Set<string>): Promise<void> {
    for (const uid of await this.context.known())
      if (!seen.has(uid)) this.context.writer.remove(uid);
  }

  private ignored(path: string, isDirectory: boolean | undefined): boolean {
    const uid = this.relative(path);
    if (uid === '') return false;
    // A folder is skipped as a whole when an exclude glob covers everything below it.
    if (this.excluded(uid) || this.excluded(`${uid}/`)) return true;
    return isDirectory === false && !this.accepts(uid);
  }

  private relative(path: string): string {
    return relative(this.settings.path, path).split(sep).join('/');
  }

  private async read(path: string, uid: string): Promise<void> {
    try {
      // A symlink is read only when it points inside the declared directory.
      if (!isInside(this.settings.root, await realpath(path))) {
        this.context.logger.warn(
          { source: this.context.id, path: uid },
          'file outside the declared directory skipped',
        );
        return;
      }
      const info = await stat(path);
      if (info.size > this.settings.max_file_bytes) {
        this.context.logger.warn(
          {
            source: this.context.id,
            path: uid,
            bytes: info.size,
            limit: this.settings.max_file_bytes,
          },
          'file larger than max_file_bytes skipped',
        );
        return;
      }
      const bytes = await readFile(path);
      // A NUL byte means a binary file under a text extension; an empty file holds nothing to find.
      if (bytes.includes(0) || bytes.toString('utf8').trim() === '') {
        this.context.writer.remove(uid);
        return;
      }
      this.context.writer.upsert({
        source_uid: uid,
        text: bytes.toString('utf8'),
        ...documentTypeOf(uid),
        metadata: { path: uid, file_name: basename(uid), extension: extensionOf(uid) },
      });
    } catch (error) {
      // ENOENT: deleted between the event and the read, and its unlink event follows.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
        this.context.logger.warn(
          { source: this.context.id, path: uid, err: (error as Error).message },
          'file could not be read',
        );
    }
  }
}
