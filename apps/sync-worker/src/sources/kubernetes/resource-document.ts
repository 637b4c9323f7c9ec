import { stringify } from 'yaml';
import type { SourceDocument } from '../../ingest/document-sink';
import type { ResourceKind } from './resource-kinds';

/** The shape of a resource as the API sends it; only metadata is relied on. */
export interface KubeResource {
  apiVersion?: string;
  kind?: string;
  metadata?: {
    name?: string;
    namespace?: string;
    uid?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    [field: string]: unknown;
  };
  [field: string]: unknown;
}

/** Metadata that changes on every write or only repeats the spec: dropped from the text. */
const NOISY_METADATA = ['managedFields', 'resourceVersion', 'generation', 'selfLink'];
const NOISY_ANNOTATIONS = ['kubectl.kubernetes.io/last-applied-configuration'];
export const REDACTED = '<redacted>';

/**
 * The resource as it is worth searching: apiVersion and kind (list items lack them), metadata
 * without managedFields, resourceVersion, generation and the last-applied copy of the spec,
 * the spec or data, and of the status only its phase. The rest of the status (conditions,
 * heartbeats, replica counts) changes constantly: kept, it would re-embed a resource on every
 * heartbeat, and what is live right now is kubectl's job. Secret values never leave the cluster.
 */
export function cleanResource(resource: KubeResource, kind: ResourceKind): KubeResource {
  const { metadata = {}, status, ...rest } = resource;
  // apiVersion and kind come from the kind table: list items do not carry them.
  delete rest['apiVersion'];
  delete rest['kind'];
  const cleanMetadata: Record<string, unknown> = { ...metadata };
  for (const field of NOISY_METADATA) delete cleanMetadata[field];
  if (metadata.annotations !== undefined) {
    const annotations = { ...metadata.annotations };
    for (const name of NOISY_ANNOTATIONS) delete annotations[name];
    if (Object.keys(annotations).length > 0) cleanMetadata['annotations'] = annotations;
    else delete cleanMetadata['annotations'];
  }
  const body: Record<string, unknown> = { ...rest };
  if (kind.kind === 'Secret')
    for (const field of ['data', 'stringData'])
      if (typeof body[field] === 'object' && body[field] !== null)
        body[field] = Object.fromEntries(Object.keys(body[field]).map((key) => [key, REDACTED]));
  const phase = (status as { phase?: unknown } | undefined)?.phase;
  return {
    apiVersion: kind.apiVersion,
    kind: kind.kind,
    metadata: cleanMetadata,
    ...body,
    ...(phase === undefined ? {} : { status: { phase } }),
  };
}

/** A resource's document id: its uid, which survives renames of nothing and differs on re-creation. */
export function resourceUid(resource: KubeResource, kind: ResourceKind): string {
  const metadata = resource.metadata ?? {};
  return metadata.uid ?? `${kind.kind}/${metadata.namespace ?? ''}/${metadata.name ?? ''}`;
}

/** One resource as one document: its cleaned YAML, keyed by its uid. */
export function resourceDocument(resource: KubeResource, kind: ResourceKind): SourceDocument {
  const metadata = resource.metadata ?? {};
  return {
    source_uid: resourceUid(resource, kind),
    text: stringify(cleanResource(resource, kind)),
    type: 'text',
    metadata: {
      kind: kind.kind,
      api_version: kind.apiVersion,
      namespace: metadata.namespace ?? null,
      name: metadata.name ?? null,
      uid: metadata.uid ?? null,
      labels: metadata.labels ?? {},
    },
  };
}
