import { stat } from 'node:fs/promises';
import { ErrorCode, PlatformError, type SourceKind } from '@aip/contracts';
import { DirectorySettings } from './directory/directory-settings';
import { DirectorySource } from './directory/directory.source';
import { KubernetesSettings } from './kubernetes/kubernetes-settings';
import type { LiveSource, SourceContext } from './live-source';
import { PostgresSettings } from './postgres/postgres-settings';
import { PostgresSource } from './postgres/postgres.source';
import { parseSettings } from './settings-validation';

const invalid = (message: string) => new PlatformError(ErrorCode.ValidationFailed, message);

/** Checks a kind's settings (400 naming the field), with what can only be checked on disk. */
export async function checkSettings(
  kind: SourceKind,
  settings: Record<string, unknown>,
): Promise<void> {
  if (kind === 'directory') {
    const parsed = parseSettings(DirectorySettings, settings);
    const info = await stat(parsed.path).catch(() => undefined);
    if (info === undefined || !info.isDirectory())
      throw invalid(`settings.path ${parsed.path} is not a folder the sync-worker can read`);
  } else if (kind === 'postgres') {
    const parsed = parseSettings(PostgresSettings, settings);
    if (parsed.table !== undefined && parsed.query !== undefined)
      throw invalid('settings must give table or query, not both');
  } else {
    const parsed = parseSettings(KubernetesSettings, settings);
    if (parsed.kinds.includes('Secret') && !parsed.include_secrets)
      throw invalid(
        'settings.kinds names Secret: set settings.include_secrets to true to index Secrets (their values are always redacted)',
      );
  }
}

/** A source of its kind. The Kubernetes client (ESM) is loaded only when a cluster is watched. */
export async function createSource(
  kind: SourceKind,
  settings: Record<string, unknown>,
  context: SourceContext,
): Promise<LiveSource> {
  if (kind === 'directory')
    return new DirectorySource(parseSettings(DirectorySettings, settings), context);
  if (kind === 'postgres')
    return new PostgresSource(parseSettings(PostgresSettings, settings), context);
  const { KubernetesSource } = await import('./kubernetes/kubernetes.source.js');
  return new KubernetesSource(parseSettings(KubernetesSettings, settings), context);
}
