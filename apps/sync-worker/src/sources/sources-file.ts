import { readFileSync } from 'node:fs';
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { parse } from 'yaml';
import { AddSourceRequest } from '@aip/contracts';
import { SELECT_STATEMENT, TABLE_NAME } from './postgres/postgres-settings';
import {
  ClusterTarget,
  DatabaseTarget,
  TARGET_NAME,
  TARGET_NAME_MESSAGE,
  type SourceTargets,
} from './source-targets';

/** What SYNC_SOURCES_FILE declares: what sources may reach, and the sources started at boot. */
export interface SourcesFile {
  targets: SourceTargets;
  sources: AddSourceRequest[];
}

function problems(errors: ValidationError[]): string[] {
  return errors.flatMap((error) => [
    ...Object.values(error.constraints ?? {}),
    ...problems(error.children ?? []),
  ]);
}

function validated<T extends object>(type: ClassConstructor<T>, value: unknown, where: string): T {
  const instance = plainToInstance(type, value ?? {});
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) throw new Error(`${where}: ${problems(errors).join('; ')}`);
  return instance;
}

/** A section mapping names to entries, each name checked. */
function section(document: Record<string, unknown>, name: string): [string, unknown][] {
  const value = document[name];
  if (value === undefined || value === null) return [];
  if (typeof value !== 'object' || Array.isArray(value))
    throw new Error(`${name}: expected a map of names to entries`);
  return Object.entries(value).map(([key, entry]) => {
    if (!TARGET_NAME.test(key)) throw new Error(`${name}.${key}: a name ${TARGET_NAME_MESSAGE}`);
    return [key, entry];
  });
}

function database(value: unknown, where: string): DatabaseTarget {
  const target = validated(DatabaseTarget, value, where);
  if ((target.url === undefined) === (target.url_file === undefined))
    throw new Error(`${where}: give url or url_file (exactly one)`);
  for (const table of target.tables ?? [])
    if (!TABLE_NAME.test(table)) throw new Error(`${where}.tables: ${table} is not a table name`);
  for (const [name, sql] of Object.entries(target.queries)) {
    if (!TARGET_NAME.test(name))
      throw new Error(`${where}.queries.${name}: ${TARGET_NAME_MESSAGE}`);
    if (typeof sql !== 'string' || !SELECT_STATEMENT.test(sql))
      throw new Error(`${where}.queries.${name}: must be one SELECT (or WITH ... SELECT)`);
  }
  return target;
}

function cluster(value: unknown, where: string): ClusterTarget {
  const target = validated(ClusterTarget, value, where);
  const ways = [target.in_cluster === true, target.kubeconfig, target.server].filter(Boolean);
  if (ways.length !== 1)
    throw new Error(`${where}: give exactly one of in_cluster: true, kubeconfig or server`);
  if (target.token_file !== undefined && target.server === undefined)
    throw new Error(`${where}: token_file goes with server`);
  if (target.context !== undefined && target.kubeconfig === undefined)
    throw new Error(`${where}: context goes with kubeconfig`);
  return target;
}

/**
 * SYNC_SOURCES_FILE, YAML or JSON (JSON is YAML):
 * `directories: {name: /abs/folder}`, `databases: {name: {url | url_file, statement_timeout_ms?,
 * tables?, queries?}}`, `clusters: {name: {in_cluster | kubeconfig (+context) | server
 * (+token_file), namespaces?}}` and `sources: [{id, kind, collection, settings}]`. A bad file
 * stops the boot with the entry and the field at fault.
 */
export function readSourcesFile(path: string): SourcesFile {
  const parsed = parse(readFileSync(path, 'utf8')) as unknown;
  const document = (parsed ?? {}) as Record<string, unknown>;
  if (typeof document !== 'object' || Array.isArray(document))
    throw new Error(`${path}: expected a map with directories, databases, clusters, sources`);
  const directories = new Map<string, string>();
  for (const [name, folder] of section(document, 'directories')) {
    if (typeof folder !== 'string' || !folder.startsWith('/'))
      throw new Error(`${path}: directories.${name}: must be an absolute folder path`);
    directories.set(name, folder);
  }
  const databases = new Map(
    section(document, 'databases').map(([name, value]) => [
      name,
      database(value, `${path}: databases.${name}`),
    ]),
  );
  const clusters = new Map(
    section(document, 'clusters').map(([name, value]) => [
      name,
      cluster(value, `${path}: clusters.${name}`),
    ]),
  );
  const entries = document['sources'] ?? [];
  if (!Array.isArray(entries)) throw new Error(`${path}: "sources:" must hold a list`);
  const sources = entries.map((entry, index) =>
    validated(AddSourceRequest, entry, `${path}: sources[${index}]`),
  );
  return { targets: { directories, databases, clusters }, sources };
}
