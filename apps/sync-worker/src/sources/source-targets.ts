import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';
import { IntSetting } from './settings-rules';

/** A name the operator gives a directory, database or cluster; sources refer to it. */
export const TARGET_NAME = /^[a-zA-Z0-9_-]{1,64}$/;
export const TARGET_NAME_MESSAGE = 'must be 1-64 letters, digits, _ or -';
const ABSOLUTE = /^\//;
const NAMESPACE = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
export const MAX_NAMESPACES = 256;

/** A PostgreSQL database sources may read, and the only place free SQL may come from. */
export class DatabaseTarget {
  /** postgres:// URL; or `url_file`, a file holding it (a mounted Secret). */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'url must be a postgres:// URL' })
  @MaxLength(2048)
  url?: string;

  @IsOptional()
  @Matches(ABSOLUTE, { message: 'url_file must be an absolute file path' })
  @MaxLength(4096)
  url_file?: string;

  /** Longest any one statement of a source may run. */
  @IntSetting(100, 600_000)
  statement_timeout_ms = 10_000;

  /** When set, the only tables (`table` or `schema.table`) sources may name. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1024)
  @IsString({ each: true })
  tables?: string[];

  /** Named SELECT statements a source may read instead of a table. */
  @IsOptional()
  @IsObject({ message: 'queries must map names to SELECT statements' })
  queries: Record<string, string> = {};
}

/** A Kubernetes cluster sources may mirror: in-cluster, a kubeconfig, or a server with a token file. */
export class ClusterTarget {
  @IsOptional()
  @IsBoolean({ message: 'in_cluster must be true or false' })
  in_cluster?: boolean;

  @IsOptional()
  @Matches(ABSOLUTE, { message: 'kubeconfig must be an absolute file path' })
  @MaxLength(4096)
  kubeconfig?: string;

  @IsOptional()
  @IsString()
  @MaxLength(253)
  context?: string;

  /** API server reached without client certificates (in-cluster proxy, kubectl proxy). */
  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, { message: 'server must be an http:// or https:// URL' })
  server?: string;

  /** File holding a bearer token for `server` (a mounted service-account token). */
  @IsOptional()
  @Matches(ABSOLUTE, { message: 'token_file must be an absolute file path' })
  @MaxLength(4096)
  token_file?: string;

  /** When set, the only namespaces sources may mirror (and what they mirror by default). */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_NAMESPACES)
  @Matches(NAMESPACE, { each: true, message: 'namespaces must be Kubernetes namespace names' })
  namespaces?: string[];
}

/**
 * What live sources may reach, declared by the operator in SYNC_SOURCES_FILE: sources added
 * through the API name one of these and can only narrow it (a sub-folder, a table, columns,
 * namespaces). No path, URL, token file or SQL ever comes from a request.
 */
export interface SourceTargets {
  /** Name → absolute folder. */
  directories: Map<string, string>;
  databases: Map<string, DatabaseTarget>;
  clusters: Map<string, ClusterTarget>;
}

export const NO_TARGETS: SourceTargets = {
  directories: new Map(),
  databases: new Map(),
  clusters: new Map(),
};

/** `docs, wiki` or a hint that none are declared, for error messages. */
export function declaredNames(names: Iterable<string>, section: string): string {
  const list = [...names];
  return list.length > 0
    ? `one of: ${list.join(', ')}`
    : `declared under "${section}:" in SYNC_SOURCES_FILE (none is)`;
}
