import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Dataset } from './datasets';
import { checksum } from './vector-math';

/** Exact top-k of every query by inner product (the vectors are unit length: cosine). */
export interface GroundTruth {
  k: number;
  queryCount: number;
  /** queryCount x k base row indices, best first. */
  ids: Int32Array;
  /** queryCount x k similarities, best first. */
  scores: Float32Array;
}

const MAGIC = 'GTK1';

/** The ground truth of a data set, from the cache when its contents match, else brute force. */
export function loadGroundTruth(
  dataset: Dataset,
  k: number,
  cacheDir: string,
  log: (message: string) => void,
): GroundTruth {
  // Named by the exact data, so a change to a generator can never reuse stale answers.
  const key = `${checksum(dataset.base)}-${checksum(dataset.queries)}`;
  const file = join(cacheDir, `ground-truth-${dataset.name}-k${k}-${key}.bin`);
  if (existsSync(file)) return readGroundTruth(file);
  log(
    `computing exact top-${k} for ${dataset.queryCount} queries of ${dataset.name} (cached after)`,
  );
  const truth = bruteForce(dataset, k, log);
  mkdirSync(cacheDir, { recursive: true });
  const header = Buffer.alloc(12);
  header.write(MAGIC, 0, 'latin1');
  header.writeUInt32LE(truth.queryCount, 4);
  header.writeUInt32LE(k, 8);
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(
    temporary,
    Buffer.concat([header, Buffer.from(truth.ids.buffer), Buffer.from(truth.scores.buffer)]),
  );
  renameSync(temporary, file);
  return truth;
}

function readGroundTruth(file: string): GroundTruth {
  const buffer = readFileSync(file);
  if (buffer.toString('latin1', 0, 4) !== MAGIC) throw new Error(`${file} is not ground truth`);
  const queryCount = buffer.readUInt32LE(4);
  const k = buffer.readUInt32LE(8);
  const n = queryCount * k;
  // Copies, so the typed arrays are aligned whatever the buffer's offset.
  const ids = new Int32Array(n);
  const scores = new Float32Array(n);
  Buffer.from(ids.buffer).set(buffer.subarray(12, 12 + n * 4));
  Buffer.from(scores.buffer).set(buffer.subarray(12 + n * 4, 12 + n * 8));
  return { k, queryCount, ids, scores };
}

/** Queries per pass over the base: each base row is read from memory once per block. */
const QUERY_BLOCK = 16;

/** Exact search in plain JS over Float32Arrays, one pass over the base per block of queries. */
export function bruteForce(dataset: Dataset, k: number, log: (m: string) => void): GroundTruth {
  const { base, queries, dim, baseCount, queryCount } = dataset;
  const ids = new Int32Array(queryCount * k).fill(-1);
  const scores = new Float32Array(queryCount * k).fill(-Infinity);
  const started = Date.now();
  for (let q0 = 0; q0 < queryCount; q0 += QUERY_BLOCK) {
    const q1 = Math.min(q0 + QUERY_BLOCK, queryCount);
    // Per query, the k-th best so far: most rows are rejected by one comparison.
    const worst = new Float64Array(q1 - q0).fill(-Infinity);
    for (let j = 0; j < baseCount; j++) {
      const bo = j * dim;
      for (let q = q0; q < q1; q++) {
        const qo = q * dim;
        let sum = 0;
        for (let d = 0; d < dim; d++) sum += queries[qo + d] * base[bo + d];
        if (sum > worst[q - q0]) worst[q - q0] = insert(ids, scores, q * k, k, j, sum);
      }
    }
    if (q0 === 0 || Math.floor(q1 / 100) !== Math.floor(q0 / 100)) {
      const seconds = (Date.now() - started) / 1000;
      log(`  ground truth ${q1}/${queryCount} queries, ${seconds.toFixed(0)} s`);
    }
  }
  return { k, queryCount, ids, scores };
}

/** Inserts into one query's sorted top-k; returns its new k-th score. */
function insert(
  ids: Int32Array,
  scores: Float32Array,
  offset: number,
  k: number,
  id: number,
  score: number,
): number {
  let i = k - 1;
  while (i > 0 && scores[offset + i - 1] < score) {
    scores[offset + i] = scores[offset + i - 1];
    ids[offset + i] = ids[offset + i - 1];
    i--;
  }
  scores[offset + i] = score;
  ids[offset + i] = id;
  return scores[offset + k - 1];
}
