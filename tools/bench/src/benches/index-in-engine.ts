import type { Dataset } from '../data/datasets';
import { createCollection, waitIndexed } from '../engine/collections';
import type { RestClient } from '../engine/rest-client';
import { upsertAll, type UploadResult } from '../engine/upload';
import { BATCH_SIZE, COLLECTION } from './context';

export interface EngineIndexed {
  upload: UploadResult;
  /** ms from the last acknowledged write until green with every vector indexed. */
  catchUpMs: number;
}

/**
 * Loads a data set the way a Qdrant user would: a Cosine collection, every base vector
 * upserted from one client with wait=true, then polled until the index has caught up.
 */
export async function indexInEngine(
  client: RestClient,
  dataset: Dataset,
  log: (message: string) => void,
): Promise<EngineIndexed> {
  await createCollection(client, COLLECTION, {
    vectors: { size: dataset.dim, distance: 'Cosine' },
  });
  log(`${dataset.name}: upserting ${dataset.baseCount} points into the engine`);
  const upload = await upsertAll([client], COLLECTION, dataset, BATCH_SIZE, log);
  const catchUpMs = (await waitIndexed(client, COLLECTION, dataset.baseCount, log)).ms;
  return { upload, catchUpMs };
}
