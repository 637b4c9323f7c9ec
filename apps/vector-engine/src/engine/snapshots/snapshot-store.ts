import { createHash, randomBytes } from 'node:crypto';
import {
  copyFileSync,
  createReadStream,
  existsSync,
  mkdirSync,
  readdirSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import type { Engine } from '../engine';
import { EngineError } from '../engine-error';

export interface SnapshotDescription {
  name: string;
  creation_time: string;
  size: number;
  checksum: string;
}

const SNAPSHOT_NAME = /^[\w.-]+\.snapshot$/;

function sha256(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('hex')))
      .on('error', reject);
  });
}

/**
 * Collection snapshots: a consistent copy of the collection's database (points, payloads,
 * config, payload index definitions) taken with SQLite's online backup. Graphs are not in
 * the snapshot; a recovered collection re-indexes in the background.
 */
export class SnapshotStore {
  constructor(private readonly engine: Engine) {}

  private dir(collection: string): string {
    return join(this.engine.dataDir, 'snapshots', encodeURIComponent(collection));
  }

  file(collection: string, name: string): string {
    if (!SNAPSHOT_NAME.test(name)) throw EngineError.badInput(`Invalid snapshot name ${name}`);
    const file = join(this.dir(collection), name);
    if (!existsSync(file)) throw EngineError.notFound(`Snapshot ${name} not found`);
    return file;
  }

  async create(collection: string): Promise<SnapshotDescription> {
    const source = this.engine.get(collection);
    const dir = this.dir(source.name);
    mkdirSync(dir, { recursive: true });
    const stamp = new Date().toISOString().replace(/[:.]/g, '-');
    // The random part keeps two snapshots taken in the same millisecond apart: with one name,
    // both backups wrote the same file and the one that lost found it gone.
    const unique = randomBytes(4).toString('hex');
    const name = `${source.name.replace(/[^\w.-]/g, '_')}-${stamp}-${unique}.snapshot`;
    await source.backup(join(dir, name));
    return this.describe(join(dir, name));
  }

  async list(collection: string): Promise<SnapshotDescription[]> {
    const name = this.engine.get(collection).name;
    const dir = this.dir(name);
    if (!existsSync(dir)) return [];
    const files = readdirSync(dir).filter((file) => SNAPSHOT_NAME.test(file));
    return Promise.all(files.map((file) => this.describe(join(dir, file))));
  }

  delete(collection: string, name: string): void {
    rmSync(this.file(this.engine.get(collection).name, name));
  }

  private async describe(file: string): Promise<SnapshotDescription> {
    const stats = statSync(file);
    return {
      name: basename(file),
      creation_time: stats.mtime.toISOString().replace(/Z$/, ''),
      size: stats.size,
      checksum: await sha256(file),
    };
  }

  /** Replaces (or creates) `collection` from a snapshot file, checking its checksum if given. */
  async recover(collection: string, snapshotFile: string, checksum?: string): Promise<void> {
    if (!existsSync(snapshotFile))
      throw EngineError.notFound(`Snapshot file ${snapshotFile} does not exist`);
    if (checksum && (await sha256(snapshotFile)) !== checksum.toLowerCase()) {
      throw EngineError.badInput('Snapshot checksum mismatch');
    }
    try {
      const db = new Database(snapshotFile, { readonly: true, fileMustExist: true });
      const row = db.prepare("SELECT value FROM meta WHERE key = 'config'").get();
      db.close();
      if (!row) throw new Error('no collection config');
    } catch (error) {
      throw EngineError.badInput(
        `Not a snapshot of this engine: ${String(error instanceof Error ? error.message : error)}`,
      );
    }
    this.engine.delete(collection);
    const dir = this.engine.collectionDir(collection);
    mkdirSync(dir, { recursive: true });
    copyFileSync(snapshotFile, join(dir, 'points.sqlite'));
    const db = new Database(join(dir, 'points.sqlite'));
    // Graph checkpoints of the source do not travel; the name becomes the target's.
    db.prepare("DELETE FROM meta WHERE key LIKE 'hnsw:%'").run();
    db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES ('name', ?)").run(collection);
    db.close();
    this.engine.adopt(collection);
  }
}
