import { Pool } from 'pg';
import { backoffMs, type LiveSource, type SourceContext } from '../live-source';
import type { PostgresSettings } from './postgres-settings';
import { metadataValue, renderRow } from './row-template';
import { ID_ALIAS, tableQueries, WATERMARK_ALIAS, type TableQueries } from './table-query';

/** Saved after each batch is written, so a restart goes on where the last one stopped. */
export interface PostgresCheckpoint {
  updated_at?: string;
  id?: string;
  /** The last row count and id-hash sum seen; another one means rows came or went. */
  checksum?: string;
}

/** Connections one source keeps open: it runs one query at a time. */
const POOL_SIZE = 1;

/**
 * Keeps a table (or a query's rows) in sync: every poll reads the rows past a watermark on
 * (updated_at, id) in that order and upserts their rendered text; the watermark is saved only
 * once those writes succeeded, so a failure or a restart re-reads them. Soft-deleted rows are
 * removed as they pass; hard deletes show up as a changed count/hash of the ids, and then the
 * ids are compared with the documents written. Limitation: a row whose transaction commits
 * after a later updated_at was already read is missed until it changes again.
 */
export class PostgresSource implements LiveSource {
  private pool: Pool | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private failures = 0;
  private lastDeleteCheck = 0;
  private readonly queries: TableQueries;
  private polling: Promise<void> | undefined;

  constructor(
    private readonly settings: PostgresSettings,
    private readonly context: SourceContext,
  ) {
    this.queries = tableQueries(settings);
  }

  start(): Promise<void> {
    this.stopped = false;
    this.pool = new Pool({
      connectionString: this.settings.connection,
      max: POOL_SIZE,
      // Every statement a source runs only reads, and none may run long, whatever the
      // operator's named query says: the session refuses writes and cancels slow statements.
      options: `-c default_transaction_read_only=on -c statement_timeout=${this.settings.statement_timeout_ms}`,
    });
    // An idle connection that drops is replaced on the next query; the error must not crash us.
    this.pool.on('error', (error) => this.context.failed(`postgres: ${error.message}`));
    this.schedule(0);
    return Promise.resolve();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.polling;
    await this.pool?.end();
    this.pool = undefined;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.polling = this.poll().finally(() => (this.polling = undefined));
    }, delayMs);
  }

  private async poll(): Promise<void> {
    try {
      await this.syncChanges();
      const interval = this.settings.delete_check_interval_ms ?? this.settings.poll_interval_ms;
      if (Date.now() - this.lastDeleteCheck >= interval) {
        await this.removeDeleted();
        this.lastDeleteCheck = Date.now();
      }
      this.failures = 0;
      this.context.recovered();
      this.schedule(this.settings.poll_interval_ms);
    } catch (error) {
      if (this.stopped) return;
      this.context.failed(`postgres: ${(error as Error).message}`);
      this.schedule(Math.max(this.settings.poll_interval_ms, backoffMs(++this.failures)));
    }
  }

  private async syncChanges(): Promise<void> {
    let checkpoint = (await this.context.checkpoint<PostgresCheckpoint>()) ?? {};
    for (;;) {
      const first = checkpoint.updated_at === undefined;
      const { rows } = await this.pool!.query<Record<string, unknown>>(this.queries.changes, [
        first,
        checkpoint.updated_at ?? null,
        checkpoint.id ?? '',
      ]);
      if (rows.length === 0 || this.stopped) return;
      for (const row of rows) this.apply(row);
      this.context.events(rows.length);
      // The watermark moves only past rows that are written: a stop or a crash re-reads them.
      if (!(await this.context.writer.drain())) return;
      const last = rows[rows.length - 1]!;
      checkpoint = {
        ...checkpoint,
        updated_at: String(last[WATERMARK_ALIAS]),
        id: String(last[ID_ALIAS]),
      };
      await this.context.saveCheckpoint(checkpoint);
      if (rows.length < this.settings.batch_rows) return;
    }
  }

  private apply(row: Record<string, unknown>): void {
    const uid = String(row[ID_ALIAS]);
    const deleted = this.settings.deleted_column;
    if (deleted !== undefined && row[deleted] !== null && row[deleted] !== false) {
      this.context.writer.remove(uid);
      return;
    }
    const text = renderRow(this.settings.template, row);
    const metadata: Record<string, unknown> = {
      table: this.settings.table ?? 'query',
      row_id: uid,
    };
    for (const column of this.settings.metadata_columns)
      metadata[column] = metadataValue(row[column]);
    if (text.trim() === '') this.context.writer.remove(uid);
    else
      this.context.writer.upsert({
        source_uid: uid,
        text,
        type: this.settings.type,
        ...(this.settings.language === undefined ? {} : { language: this.settings.language }),
        metadata,
      });
  }

  private async removeDeleted(): Promise<void> {
    const { rows } = await this.pool!.query<{ rows: string; hash: string }>(this.queries.checksum);
    const checksum = `${rows[0]!.rows}:${rows[0]!.hash}`;
    const checkpoint = (await this.context.checkpoint<PostgresCheckpoint>()) ?? {};
    if (checkpoint.checksum === checksum) return;
    const ids = await this.pool!.query<Record<string, string>>(this.queries.ids);
    const present = new Set(ids.rows.map((row) => row[ID_ALIAS]!));
    let removed = 0;
    for (const uid of await this.context.known())
      if (!present.has(uid)) {
        this.context.writer.remove(uid);
        removed++;
      }
    this.context.events(removed);
    if (await this.context.writer.drain())
      await this.context.saveCheckpoint({ ...checkpoint, checksum });
  }
}
