import type { SourceKind } from '@aip/contracts';
import { DirectorySource } from './directory/directory.source';
import type { LiveSource, SourceContext } from './live-source';
import { PostgresSource } from './postgres/postgres.source';
import { resolveSettings } from './source-resolution';
import type { SourceTargets } from './source-targets';

/** Checks a kind's settings against what the operator declared (400 naming the field). */
export async function checkSettings(
  kind: SourceKind,
  settings: Record<string, unknown>,
  targets: SourceTargets,
): Promise<void> {
  await resolveSettings(kind, settings, targets);
}

/** A source of its kind. The Kubernetes client (ESM) is loaded only when a cluster is watched. */
export async function createSource(
  kind: SourceKind,
  settings: Record<string, unknown>,
  targets: SourceTargets,
  context: SourceContext,
): Promise<LiveSource> {
  const resolved = await resolveSettings(kind, settings, targets);
  if (resolved.kind === 'directory') return new DirectorySource(resolved.settings, context);
  if (resolved.kind === 'postgres') return new PostgresSource(resolved.settings, context);
  const { KubernetesSource } = await import('./kubernetes/kubernetes.source.js');
  return new KubernetesSource(resolved.settings, context);
}
