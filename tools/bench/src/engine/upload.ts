import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Dataset } from '../data/datasets';
import { row } from '../data/vector-math';
import { collectionPath } from './collections';
import { RestError, type RestClient } from './rest-client';

export interface UploadResult {
  points: number;
  batches: number;
  clients: number;
  /** ms from the first request until the last write was acknowledged. */
  ms: number;
  pointsPerSecond: number;
}

/** Qdrant's upsert body for points [start, end) of the data set; point id = base row. */
export function upsertBody(dataset: Dataset, start: number, end: number): string {
  const points: string[] = [];
  for (let i = start; i < end; i++) {
    // Float32Array.join prints each value as JSON would (shortest round-trip double).
    points.push(`{"id":${i},"vector":[${row(dataset.base, dataset.dim, i).join(',')}]}`);
  }
  return `{"points":[${points.join(',')}]}`;
}

/**
 * Upserts every base vector with `?wait=true` (acknowledged = durable and searchable), in
 * batches, from `clients.length` concurrent clients taking batches from one queue. Each client
 * encodes its next batch while its current one is in flight, so the figure is the engine's
 * rate rather than JSON encoding in the benchmark.
 */
export async function upsertAll(
  clients: RestClient[],
  collection: string,
  dataset: Dataset,
  batchSize: number,
  log: (message: string) => void,
): Promise<UploadResult> {
  const batches = Math.ceil(dataset.baseCount / batchSize);
  const path = `${collectionPath(collection)}/points?wait=true`;
  let next = 0;
  let done = 0;
  const take = (): string | undefined => {
    if (next >= batches) return undefined;
    const start = next++ * batchSize;
    return upsertBody(dataset, start, Math.min(start + batchSize, dataset.baseCount));
  };
  const started = performance.now();
  const worker = async (client: RestClient): Promise<void> => {
    let body = take();
    while (body !== undefined) {
      const inFlight = client.send('PUT', path, body);
      inFlight.catch(() => undefined); // Awaited below; not unhandled while the next is encoded.
      // Let the request reach the socket before this client spends CPU on the next body.
      await nextTurn();
      const following = take();
      const response = await inFlight;
      if (response.status !== 200) throw new RestError('PUT', path, response.status, response.text);
      done++;
      if (done % Math.max(1, Math.floor(batches / 10)) === 0) {
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        log(`  upserted ${Math.min(done * batchSize, dataset.baseCount)} points, ${seconds} s`);
      }
      body = following;
    }
  };
  await Promise.all(clients.map((client) => worker(client)));
  const ms = performance.now() - started;
  return {
    points: dataset.baseCount,
    batches,
    clients: clients.length,
    ms,
    pointsPerSecond: dataset.baseCount / (ms / 1000),
  };
}
