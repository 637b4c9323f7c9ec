import { readFile, realpath, stat } from 'node:fs/promises';
import { isAbsolute, resolve } from 'node:path';
import { ErrorCode, PlatformError, type SourceKind } from '@aip/contracts';
import { DirectorySettings, DirectorySourceSettings } from './directory/directory-settings';
import { isInside } from './directory/path-inside';
import {
  KubernetesSourceSettings,
  type KubernetesSettings,
} from './kubernetes/kubernetes-settings';
import { PostgresSettings, PostgresSourceSettings } from './postgres/postgres-settings';
import { parseSettings } from './settings-validation';
import { declaredNames, type SourceTargets } from './source-targets';

export type ResolvedSettings =
  | { kind: 'directory'; settings: DirectorySettings }
  | { kind: 'postgres'; settings: PostgresSettings }
  | { kind: 'kubernetes'; settings: KubernetesSettings };

const invalid = (message: string) => new PlatformError(ErrorCode.ValidationFailed, message);

async function directory(
  raw: Record<string, unknown>,
  targets: SourceTargets,
): Promise<DirectorySettings> {
  const { directory: name, path: sub, ...options } = parseSettings(DirectorySourceSettings, raw);
  const declared = targets.directories.get(name);
  if (declared === undefined)
    throw invalid(
      `settings.directory ${name} is not a declared directory: use ${declaredNames(targets.directories.keys(), 'directories')}`,
    );
  if (sub !== undefined && (isAbsolute(sub) || sub.split(/[\\/]/).includes('..')))
    throw invalid(`settings.path must be a relative folder path inside directory ${name}`);
  const root = await realpath(declared).catch(() => undefined);
  if (root === undefined)
    throw invalid(`Directory ${name} (declared in SYNC_SOURCES_FILE) cannot be read`);
  // The real path, so a symlinked folder cannot lead the source out of its root.
  const folder = await realpath(resolve(root, sub ?? '.')).catch(() => undefined);
  const info = folder === undefined ? undefined : await stat(folder).catch(() => undefined);
  if (folder === undefined || !isInside(root, folder) || !info?.isDirectory())
    throw invalid(`settings.path ${sub} is not a folder inside directory ${name}`);
  return parseSettings(DirectorySettings, { ...options, path: folder, root });
}

/** System catalogs hold roles and password hashes: never a source's table. */
function isSystemTable(table: string): boolean {
  const [schema, name] = table.includes('.') ? table.split('.') : ['public', table];
  return /^(pg_catalog|information_schema)$/i.test(schema!) || /^pg_/i.test(name!);
}

async function postgres(
  raw: Record<string, unknown>,
  targets: SourceTargets,
): Promise<PostgresSettings> {
  const { database: name, query, ...options } = parseSettings(PostgresSourceSettings, raw);
  const database = targets.databases.get(name);
  if (database === undefined)
    throw invalid(
      `settings.database ${name} is not a declared database: use ${declaredNames(targets.databases.keys(), 'databases')}`,
    );
  if (options.table !== undefined && query !== undefined)
    throw invalid('settings must give table or query, not both');
  const table = options.table;
  if (table !== undefined) {
    if (isSystemTable(table)) throw invalid(`settings.table ${table} is a system catalog`);
    if (database.tables !== undefined && !database.tables.includes(table))
      throw invalid(
        `settings.table ${table} is not among the tables of database ${name}: ${database.tables.join(', ')}`,
      );
  }
  const sql = query === undefined ? undefined : database.queries[query];
  if (query !== undefined && sql === undefined)
    throw invalid(
      `settings.query ${query} is not a declared query of database ${name}: use ${declaredNames(Object.keys(database.queries), `databases.${name}.queries`)}`,
    );
  const connection =
    database.url ?? (await readFile(database.url_file!, 'utf8').catch(() => '')).trim();
  if (connection === '')
    throw invalid(`Database ${name}: its url_file (in SYNC_SOURCES_FILE) cannot be read`);
  return parseSettings(PostgresSettings, {
    ...options,
    connection,
    ...(sql === undefined ? {} : { query: sql }),
    statement_timeout_ms: database.statement_timeout_ms,
  });
}

function kubernetes(raw: Record<string, unknown>, targets: SourceTargets): KubernetesSettings {
  const { cluster: name, ...options } = parseSettings(KubernetesSourceSettings, raw);
  const target = targets.clusters.get(name);
  if (target === undefined)
    throw invalid(
      `settings.cluster ${name} is not a declared cluster: use ${declaredNames(targets.clusters.keys(), 'clusters')}`,
    );
  if (options.kinds.includes('Secret') && !options.include_secrets)
    throw invalid(
      'settings.kinds names Secret: set settings.include_secrets to true to index Secrets (their values are always redacted)',
    );
  const allowed = target.namespaces;
  if (allowed !== undefined) {
    const outside = options.namespaces.filter((namespace) => !allowed.includes(namespace));
    if (outside.length > 0)
      throw invalid(
        `settings.namespaces ${outside.join(', ')} are outside cluster ${name}'s namespaces: ${allowed.join(', ')}`,
      );
    if (options.namespaces.length === 0) options.namespaces = [...allowed];
  }
  return { ...options, target };
}

/**
 * A source's settings as the API took them (names of what the operator declared, and what
 * narrows them) turned into what the source runs with. Every error is a 400 naming the field.
 */
export async function resolveSettings(
  kind: SourceKind,
  settings: Record<string, unknown>,
  targets: SourceTargets,
): Promise<ResolvedSettings> {
  if (kind === 'directory') return { kind, settings: await directory(settings, targets) };
  if (kind === 'postgres') return { kind, settings: await postgres(settings, targets) };
  return { kind, settings: kubernetes(settings, targets) };
}
