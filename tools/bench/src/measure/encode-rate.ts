import { join } from 'node:path';
import { createSifEncoder, ensureWordVectors, type SentenceEncoder } from '@aip/word-vectors';

/** Timed passes over the sentences after one warm-up pass; the median counts. */
export const ENCODE_ROUNDS = 5;

/** Sentences per second one encoder turns into vectors on this thread (median pass). */
export function encodeRate(encoder: SentenceEncoder, sentences: string[]): number {
  const rates: number[] = [];
  for (let round = 0; round <= ENCODE_ROUNDS; round++) {
    const started = performance.now();
    for (const sentence of sentences) encoder.encode(sentence);
    if (round > 0) rates.push(sentences.length / ((performance.now() - started) / 1000));
  }
  rates.sort((a, b) => a - b);
  return rates[Math.floor(rates.length / 2)];
}

/** The embedding service's default model (glove-sif, uSIF) in this process, from the bench cache. */
export async function defaultEncoder(
  root: string,
  log: (message: string) => void,
): Promise<SentenceEncoder> {
  const cacheDir = join(root, 'data', 'bench-cache', 'embeddings');
  const words = await ensureWordVectors(cacheDir, { log });
  return createSifEncoder(words, { weighting: 'usif', cacheDir, log });
}
