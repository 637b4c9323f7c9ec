import { createHash } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';
import { CHUNK_ID_NAMESPACE } from '@aip/contracts';

/**
 * The point id of a document's chunk: UUIDv5 of (source, source_uid, chunk_index), so writing
 * the same document again lands on the same points. A tenant's documents get ids of their own,
 * so two tenants posting the same source_uid never collide.
 */
export function chunkId(
  source: string,
  sourceUid: string,
  chunkIndex: number,
  tenant?: string,
): string {
  const name = JSON.stringify(
    tenant === undefined
      ? [source, sourceUid, chunkIndex]
      : [tenant, source, sourceUid, chunkIndex],
  );
  return uuidv5(name, CHUNK_ID_NAMESPACE);
}

/** JSON with object keys sorted, so equal metadata always hashes the same. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * What a stored chunk is compared by: its text and its metadata, so a metadata-only change
 * (new labels, a renamed heading) is written too, and nothing else is.
 */
export function contentSha256(text: string, metadata: Record<string, unknown>): string {
  return createHash('sha256')
    .update(text)
    .update('\u0000')
    .update(canonicalJson(metadata))
    .digest('hex');
}
