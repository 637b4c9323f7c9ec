import Database from 'better-sqlite3';
import type { Database as SqliteDatabase, Statement } from 'better-sqlite3';

export interface StoredRow {
  label: number;
  key: string;
  version: number;
  payload: string;
  vectors: Buffer;
  sparse: string | null;
}

/**
 * Durable storage of one collection: SQLite in WAL mode. A write transaction is in the WAL
 * file when it commits, so an acknowledged `wait=true` write survives SIGKILL of the process.
 * (synchronous=NORMAL: an OS crash or power loss may drop the last commits, as Qdrant's WAL
 * without fsync-per-write does.)
 */
export class PointStore {
  private readonly db: SqliteDatabase;
  private readonly insert: Statement;
  private readonly remove: Statement;
  private readonly metaGet: Statement;
  private readonly metaSet: Statement;

  constructor(readonly path: string) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS points (
        label INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        version INTEGER NOT NULL,
        payload TEXT NOT NULL,
        vectors BLOB NOT NULL,
        sparse TEXT
      );
    `);
    this.insert = this.db.prepare(
      'INSERT OR REPLACE INTO points (label, key, version, payload, vectors, sparse) VALUES (@label, @key, @version, @payload, @vectors, @sparse)',
    );
    this.remove = this.db.prepare('DELETE FROM points WHERE label = ?');
    this.metaGet = this.db.prepare('SELECT value FROM meta WHERE key = ?');
    this.metaSet = this.db.prepare('INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)');
  }

  getMeta(key: string): string | undefined {
    const row = this.metaGet.get(key) as { value: string } | undefined;
    return row?.value;
  }

  setMeta(key: string, value: string): void {
    this.metaSet.run(key, value);
  }

  *rows(): IterableIterator<StoredRow> {
    yield* this.db
      .prepare('SELECT label, key, version, payload, vectors, sparse FROM points')
      .iterate() as IterableIterator<StoredRow>;
  }

  /** One atomic, durable write: upserted rows, deleted labels and meta entries together. */
  commit(upserts: StoredRow[], deletes: number[], meta: Record<string, string>): void {
    this.db.transaction(() => {
      for (const label of deletes) this.remove.run(label);
      for (const row of upserts) this.insert.run(row);
      for (const [key, value] of Object.entries(meta)) this.metaSet.run(key, value);
    })();
  }

  /** A consistent copy of the database file, for snapshots. */
  async backup(destination: string): Promise<void> {
    await this.db.backup(destination);
  }

  close(): void {
    this.db.close();
  }
}
