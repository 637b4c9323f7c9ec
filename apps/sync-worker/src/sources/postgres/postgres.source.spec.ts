import { Client } from 'pg';
import { waitFor } from '@aip/platform';
import { parseSettings } from '../settings-validation';
import { RecordingSink } from '../testing/recording-sink';
import { testContext, TestRedis } from '../testing/test-context';
import { PostgresSettings } from './postgres-settings';
import { PostgresSource } from './postgres.source';

const PG_URL = 'postgresql://postgres@127.0.0.1:5432/test';
// The pid too: two test runs on one machine may load this file within one millisecond.
const SCHEMA = `aip_pg_source_${process.pid}_${Date.now()}`;

describe('PostgresSource (the real PostgreSQL, stand-in sink)', () => {
  // Polls of the real database wait on a busy machine's scheduler: generous, never the limit.
  jest.setTimeout(30_000);
  const redis = new TestRedis();
  const pg = new Client({ connectionString: PG_URL });
  const sources: PostgresSource[] = [];
  let table = 0;

  beforeAll(async () => {
    await pg.connect();
    await pg.query(`CREATE SCHEMA ${SCHEMA}`);
  });
  afterEach(async () => {
    await Promise.all(sources.splice(0).map((source) => source.stop()));
  });
  afterAll(async () => {
    await pg.query(`DROP SCHEMA ${SCHEMA} CASCADE`);
    await pg.end();
    await redis.close();
  });

  async function newTable(): Promise<string> {
    const name = `${SCHEMA}.notes_${++table}`;
    await pg.query(
      `CREATE TABLE ${name} (id int PRIMARY KEY, title text, body text, deleted boolean NOT NULL DEFAULT false, updated_at timestamptz NOT NULL DEFAULT clock_timestamp())`,
    );
    return name;
  }
  const until = (what: string, check: () => boolean) =>
    waitFor(async () => (check() ? true : undefined), { timeoutMs: 15_000, intervalMs: 10, what });

  function start(
    sink: RecordingSink,
    id: string,
    settings: Record<string, unknown>,
    store = redis.store(),
  ) {
    const context = testContext(store, sink, id, 'postgres');
    const source = new PostgresSource(
      parseSettings(PostgresSettings, {
        connection: PG_URL,
        template: '{{title}}\n{{body}}',
        poll_interval_ms: 100,
        ...settings,
      }),
      context,
    );
    sources.push(source);
    void source.start();
    return { source, store };
  }

  it('mirrors rows through the template, then follows inserts, updates and hard deletes', async () => {
    const name = await newTable();
    await pg.query(
      `INSERT INTO ${name} (id, title, body) VALUES (1, 'One', 'first row'), (2, 'Two', 'second row')`,
    );
    const sink = new RecordingSink();
    start(sink, 'mirror', { table: name, metadata_columns: ['title'] });
    await until('both rows', () => sink.documents.size === 2);
    expect(sink.documents.get('1')).toMatchObject({
      text: 'One\nfirst row',
      metadata: { table: name, row_id: '1', title: 'One' },
    });

    await pg.query(`INSERT INTO ${name} (id, title, body) VALUES (3, 'Three', 'third row')`);
    await until('the insert', () => sink.documents.has('3'));
    await pg.query(
      `UPDATE ${name} SET body = 'changed', updated_at = clock_timestamp() WHERE id = 1`,
    );
    await until('the update', () => sink.textOf('1') === 'One\nchanged');
    await pg.query(`DELETE FROM ${name} WHERE id = 2`);
    await until('the delete', () => !sink.documents.has('2'));
  });

  it('removes soft-deleted rows, and reads a query instead of a table', async () => {
    const name = await newTable();
    await pg.query(
      `INSERT INTO ${name} (id, title, body) VALUES (1, 'Keep', 'kept'), (2, 'Drop', 'dropped')`,
    );
    const sink = new RecordingSink();
    start(sink, 'soft', {
      query: `SELECT id, title, upper(body) AS body, deleted, updated_at FROM ${name}`,
      deleted_column: 'deleted',
    });
    await until('both rows', () => sink.documents.size === 2);
    expect(sink.textOf('1')).toBe('Keep\nKEPT');
    await pg.query(
      `UPDATE ${name} SET deleted = true, updated_at = clock_timestamp() WHERE id = 2`,
    );
    await until('the soft delete', () => !sink.documents.has('2'));
  });

  it('resumes from its saved watermark after a restart instead of reading every row again', async () => {
    const name = await newTable();
    await pg.query(`INSERT INTO ${name} (id, title, body) VALUES (1, 'A', 'a'), (2, 'B', 'b')`);
    const sink = new RecordingSink();
    const first = start(sink, 'resume', { table: name, batch_rows: 1 });
    await until('both rows', () => sink.documents.size === 2);
    await first.source.stop();

    await pg.query(`INSERT INTO ${name} (id, title, body) VALUES (3, 'C', 'c')`);
    const calls = sink.calls.length;
    start(sink, 'resume', { table: name, batch_rows: 1 }, first.store);
    await until('the new row', () => sink.documents.has('3'));
    expect(sink.calls.slice(calls).flatMap((call) => call.uids)).toEqual(['3']);
  });

  it('reports a template column the table lacks as the source error, in state failed', async () => {
    const name = await newTable();
    await pg.query(`INSERT INTO ${name} (id, title, body) VALUES (1, 'A', 'a')`);
    const sink = new RecordingSink();
    start(sink, 'broken', { table: name, template: '{{summary}}' });
    const status = await waitFor(
      async () => {
        const fields = await redis.redis.hgetall(`${redis.prefix}:broken:status`);
        return fields['state'] === 'failed' ? fields : undefined;
      },
      { timeoutMs: 5000, intervalMs: 20, what: 'the failed state' },
    );
    expect(status['last_error']).toContain('template names column summary');
  });

  const failure = (id: string) =>
    waitFor(
      async () => {
        const fields = await redis.redis.hgetall(`${redis.prefix}:${id}:status`);
        return fields['state'] === 'failed' ? fields['last_error'] : undefined;
      },
      { timeoutMs: 15_000, intervalMs: 20, what: `${id} to fail` },
    );

  it('reads in a read-only session: a query that would write fails and writes nothing', async () => {
    const name = await newTable();
    await pg.query(`INSERT INTO ${name} (id, title, body) VALUES (1, 'A', 'a'), (2, 'B', 'b')`);
    const counter = `${name}_counter`;
    await pg.query(`CREATE SEQUENCE ${counter}`);
    // A SELECT that writes all the same: nextval() advances the sequence.
    start(new RecordingSink(), 'writer', {
      query: `SELECT n.*, nextval('${counter}') AS ticket FROM ${name} AS n`,
    });
    expect(await failure('writer')).toContain('read-only transaction');
    const { rows } = await pg.query<{ is_called: boolean }>(`SELECT is_called FROM ${counter}`);
    expect(rows[0]!.is_called).toBe(false);
  });

  it('cancels a statement that runs past its timeout', async () => {
    const name = await newTable();
    await pg.query(`INSERT INTO ${name} (id, title, body) VALUES (1, 'A', 'a')`);
    start(new RecordingSink(), 'slow', {
      query: `SELECT n.* FROM ${name} AS n, pg_sleep(5) AS pause`,
      statement_timeout_ms: 200,
    });
    expect(await failure('slow')).toContain('statement timeout');
  });
});
