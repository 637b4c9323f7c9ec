import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ErrorCode, PlatformError } from '@aip/contracts';
import { checkSettings } from './source-factory';
import { resolveSettings } from './source-resolution';
import { ClusterTarget, DatabaseTarget, type SourceTargets } from './source-targets';
import { readSourcesFile } from './sources-file';

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PlatformError);
  expect((error as PlatformError).code).toBe(ErrorCode.ValidationFailed);
  return (error as PlatformError).message;
}

const scratch = mkdtempSync(join(tmpdir(), 'aip-targets-'));
const root = join(scratch, 'docs');
mkdirSync(join(root, 'guides'), { recursive: true });
mkdirSync(join(scratch, 'private'));
symlinkSync(join(scratch, 'private'), join(root, 'escape'));
const urlFile = join(scratch, 'app-db-url');
writeFileSync(urlFile, 'postgresql://reader@127.0.0.1/test\n');

const app = Object.assign(new DatabaseTarget(), {
  url_file: urlFile,
  tables: ['docs', 'kb.articles'],
  queries: { open_tickets: 'SELECT id, updated_at, title FROM tickets WHERE open' },
});
const targets: SourceTargets = {
  directories: new Map([['docs', root]]),
  databases: new Map([['app', app]]),
  clusters: new Map([
    ['prod', Object.assign(new ClusterTarget(), { in_cluster: true })],
    ['shop', Object.assign(new ClusterTarget(), { in_cluster: true, namespaces: ['shop', 'web'] })],
  ]),
};
const check = (kind: 'directory' | 'postgres' | 'kubernetes', settings: Record<string, unknown>) =>
  checkSettings(kind, settings, targets);

describe('source settings name what the operator declared and can only narrow it', () => {
  it('kubernetes: a declared cluster by name; no server, token file or kubeconfig from a request', async () => {
    expect(await refusal(check('kubernetes', { cluster: 'elsewhere' }))).toContain(
      'settings.cluster elsewhere is not a declared cluster: use one of: prod, shop',
    );
    for (const field of ['server', 'token_file', 'kubeconfig', 'context'])
      expect(
        await refusal(check('kubernetes', { cluster: 'prod', [field]: '/var/lib/aip/admin-key' })),
      ).toContain(`settings.${field}: property ${field} should not exist`);
    expect(await refusal(check('kubernetes', { cluster: 'prod', kinds: ['Event'] }))).toContain(
      'Event and Lease are never indexed',
    );
    expect(await refusal(check('kubernetes', { cluster: 'prod', kinds: ['Secret'] }))).toContain(
      'settings.include_secrets',
    );
    await expect(
      check('kubernetes', { cluster: 'prod', kinds: ['Secret'], include_secrets: true }),
    ).resolves.toBeUndefined();
  });

  it('kubernetes: namespaces stay within the cluster’s, and default to them', async () => {
    expect(
      await refusal(check('kubernetes', { cluster: 'shop', namespaces: ['shop', 'kube-system'] })),
    ).toContain("settings.namespaces kube-system are outside cluster shop's namespaces: shop, web");
    const narrowed = await resolveSettings('kubernetes', { cluster: 'shop' }, targets);
    expect(narrowed.kind === 'kubernetes' && narrowed.settings.namespaces).toEqual(['shop', 'web']);
  });

  it('postgres: a declared database; tables by name, SQL only from the declared queries', async () => {
    const base = { database: 'app', table: 'docs', template: '{{body}}' };
    const resolved = await resolveSettings('postgres', base, targets);
    expect(resolved.kind === 'postgres' && resolved.settings).toMatchObject({
      connection: 'postgresql://reader@127.0.0.1/test',
      table: 'docs',
      statement_timeout_ms: 10_000,
    });
    expect(await refusal(check('postgres', { ...base, database: 'other' }))).toContain(
      'settings.database other is not a declared database: use one of: app',
    );
    expect(
      await refusal(check('postgres', { ...base, connection: 'postgresql://postgres@db/x' })),
    ).toContain('settings.connection: property connection should not exist');
    expect(
      await refusal(
        check('postgres', {
          ...base,
          table: undefined,
          query: 'select usename, passwd from pg_shadow',
        }),
      ),
    ).toContain("settings.query must name one of the database's declared queries");
    expect(
      await refusal(check('postgres', { ...base, table: undefined, query: 'all_rows' })),
    ).toContain(
      'settings.query all_rows is not a declared query of database app: use one of: open_tickets',
    );
    const query = await resolveSettings(
      'postgres',
      { ...base, table: undefined, query: 'open_tickets' },
      targets,
    );
    expect(query.kind === 'postgres' && query.settings.query).toBe(app.queries['open_tickets']);
    for (const table of ['pg_shadow', 'pg_catalog.pg_authid', 'information_schema.tables'])
      expect(await refusal(check('postgres', { ...base, table }))).toContain('is a system catalog');
    expect(await refusal(check('postgres', { ...base, table: 'users' }))).toContain(
      'settings.table users is not among the tables of database app: docs, kb.articles',
    );
    expect(await refusal(check('postgres', { ...base, template: 'no columns' }))).toContain(
      'settings.template must name at least one column',
    );
    expect(await refusal(check('postgres', { ...base, poll_interval_ms: 10 }))).toContain(
      'settings.poll_interval_ms must be at least 100',
    );
    expect(await refusal(check('postgres', { ...base, query: 'open_tickets' }))).toContain(
      'table or query, not both',
    );
  });

  it('directory: a declared directory, or a real folder inside it', async () => {
    const whole = await resolveSettings('directory', { directory: 'docs' }, targets);
    expect(whole.kind === 'directory' && whole.settings.path).toBe(
      whole.kind === 'directory' && whole.settings.root,
    );
    const guides = await resolveSettings(
      'directory',
      { directory: 'docs', path: 'guides' },
      targets,
    );
    expect(guides.kind === 'directory' && guides.settings.path.endsWith('/docs/guides')).toBe(true);
    expect(await refusal(check('directory', { directory: 'etc' }))).toContain(
      'settings.directory etc is not a declared directory: use one of: docs',
    );
    for (const path of ['/etc', '../private', 'guides/../../private'])
      expect(await refusal(check('directory', { directory: 'docs', path }))).toContain(
        'settings.path must be a relative folder path inside directory docs',
      );
    expect(await refusal(check('directory', { directory: 'docs', path: 'escape' }))).toContain(
      'settings.path escape is not a folder inside directory docs',
    );
    expect(await refusal(check('directory', { directory: 'docs', path: 'missing' }))).toContain(
      'settings.path missing is not a folder inside directory docs',
    );
    expect(await refusal(check('directory', { directory: 'docs', max_file_bytes: 1e9 }))).toContain(
      'settings.max_file_bytes must be at most',
    );
  });

  it('with nothing declared, says where to declare it', async () => {
    const none: SourceTargets = {
      directories: new Map(),
      databases: new Map(),
      clusters: new Map(),
    };
    expect(await refusal(checkSettings('directory', { directory: 'docs' }, none))).toContain(
      'declared under "directories:" in SYNC_SOURCES_FILE (none is)',
    );
  });
});

describe('SYNC_SOURCES_FILE declares the targets', () => {
  const file = (text: string) => {
    const path = join(scratch, `sources-${Math.random().toString(36).slice(2)}.yaml`);
    writeFileSync(path, text);
    return path;
  };

  it('reads directories, databases, clusters and sources', () => {
    const { targets: read, sources } = readSourcesFile(
      file(`directories:
  docs: ${root}
databases:
  app:
    url: postgresql://reader@db/app
    queries:
      recent: SELECT id, updated_at, body FROM notes
clusters:
  prod: { in_cluster: true, namespaces: [shop] }
sources:
  - { id: notes, kind: directory, collection: docs, settings: { directory: docs } }
`),
    );
    expect(read.directories.get('docs')).toBe(root);
    expect(read.databases.get('app')).toMatchObject({ statement_timeout_ms: 10_000 });
    expect(read.clusters.get('prod')?.namespaces).toEqual(['shop']);
    expect(sources.map((s) => s.id)).toEqual(['notes']);
  });

  it('stops at a bad entry, naming it', () => {
    expect(() => readSourcesFile(file('directories:\n  docs: relative/path\n'))).toThrow(
      'directories.docs: must be an absolute folder path',
    );
    expect(() =>
      readSourcesFile(file('databases:\n  app: { statement_timeout_ms: 1000 }\n')),
    ).toThrow('databases.app: give url or url_file (exactly one)');
    expect(() =>
      readSourcesFile(
        file(
          'databases:\n  app:\n    url: postgresql://x/y\n    queries: { bad: "DELETE FROM t" }\n',
        ),
      ),
    ).toThrow('databases.app.queries.bad: must be one SELECT');
    expect(() =>
      readSourcesFile(file('clusters:\n  c: { in_cluster: true, server: "http://127.0.0.1:1" }\n')),
    ).toThrow('clusters.c: give exactly one of in_cluster: true, kubeconfig or server');
  });
});
