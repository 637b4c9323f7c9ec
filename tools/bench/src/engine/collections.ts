import type { RestClient } from './rest-client';

/** The parts of Qdrant's collection info the benchmarks read. */
export interface CollectionInfo {
  status: 'green' | 'yellow' | 'grey' | 'red';
  points_count: number;
  indexed_vectors_count: number;
  config: Record<string, unknown>;
}

export const collectionPath = (name: string): string => `/collections/${encodeURIComponent(name)}`;

export async function createCollection(
  client: RestClient,
  name: string,
  body: Record<string, unknown>,
): Promise<void> {
  await client.call('PUT', collectionPath(name), body);
}

export function getCollection(client: RestClient, name: string): Promise<CollectionInfo> {
  return client.call<CollectionInfo>('GET', collectionPath(name));
}

export interface IndexWait {
  /** ms from the call until the collection was green with every vector indexed. */
  ms: number;
  info: CollectionInfo;
}

/**
 * Polls collection info until the background indexer has caught up: status `green` and
 * `indexed_vectors_count` = `count` (Qdrant's own signal that search no longer scans
 * unindexed points).
 */
export async function waitIndexed(
  client: RestClient,
  name: string,
  count: number,
  log: (message: string) => void,
  timeoutMs = 30 * 60_000,
): Promise<IndexWait> {
  const started = performance.now();
  let lastLog = started;
  for (;;) {
    const info = await getCollection(client, name);
    const now = performance.now();
    if (info.status === 'green' && info.indexed_vectors_count === count) {
      return { ms: now - started, info };
    }
    if (now - started > timeoutMs) {
      throw new Error(
        `${name} not indexed after ${timeoutMs} ms: status ${info.status}, ` +
          `${info.indexed_vectors_count}/${count} indexed, ${info.points_count} points`,
      );
    }
    if (now - lastLog > 10_000) {
      lastLog = now;
      const seconds = ((now - started) / 1000).toFixed(0);
      log(`  indexing: ${info.indexed_vectors_count}/${count} (${info.status}), ${seconds} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
