import { MAX_TEXTS_PER_REQUEST } from '@aip/contracts';
import type { EmbeddingClient, Embeddings } from '../clients/embedding.client';
import { batchesOf } from './openai-embedding-input';

/** Batches of one request sent at once: enough to overlap round trips, few enough to share. */
const BATCHES_IN_FLIGHT = 4;

/**
 * Embeds more texts than one `embedding.embed.v1` message may carry (OpenAI takes 2,048 in a
 * request, the service 256): in service-sized batches, a few at a time, the vectors in order.
 */
export async function embedInBatches(
  client: EmbeddingClient,
  texts: string[],
  model: string | undefined,
): Promise<Embeddings> {
  const batches = batchesOf(texts, MAX_TEXTS_PER_REQUEST);
  const results = new Array<Embeddings>(batches.length);
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const index = next++;
      results[index] = await client.embed(batches[index]!, model);
    }
  };
  await Promise.all(Array.from({ length: Math.min(BATCHES_IN_FLIGHT, batches.length) }, worker));
  return {
    model: results[0]!.model,
    dimension: results[0]!.dimension,
    vectors: results.flatMap((result) => result.vectors),
    cached: results.reduce((sum, result) => sum + result.cached, 0),
  };
}
