import { createHash } from 'node:crypto';

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Redis keys of one store: two platforms (or test stacks) sharing a Redis but pointed at
 * different Qdrant URLs never see each other's versions, results or analytics.
 */
export function storeNamespace(qdrantUrl: string): string {
  return `aip:vec:${sha256(qdrantUrl).slice(0, 16)}`;
}
