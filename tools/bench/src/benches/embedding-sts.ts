import { join } from 'node:path';
import {
  createSifEncoder,
  ensureWordVectors,
  SentenceEncoder,
  type WordVectors,
} from '@aip/word-vectors';
import { findStsDir, readSts, type StsPair } from '../data/sts';
import { ENCODE_ROUNDS, encodeRate } from '../measure/encode-rate';
import { fixed, int, ms } from '../report/format';
import type { Bench, BenchOutput } from './context';

interface Variant {
  name: string;
  encoder: SentenceEncoder;
  initMs: number;
}

/**
 * Quality of the offline embedding default on STS Benchmark: Spearman x100 between the cosine
 * of two sentences' vectors and the human score (0-5), on the dev split, for the plain mean of
 * word vectors (the baseline), SIF and uSIF (the glove-sif provider's default), with the
 * single-thread throughput of each. Settings were chosen on the train split, which is shown
 * for reference only.
 */
export const embeddingSts: Bench = {
  name: 'embedding-sts',
  description: 'glove-sif embeddings on STS Benchmark dev: Spearman and sentences/s vs plain mean',
  run: (context) => measure(context.root, context.log),
};

async function measure(root: string, progress: (message: string) => void): Promise<BenchOutput> {
  const stsDir = findStsDir(root);
  const dev = readSts(join(stsDir, 'stsb-en-dev.csv'));
  const train = readSts(join(stsDir, 'stsb-en-train.csv'));
  const cacheDir = join(root, 'data', 'bench-cache', 'embeddings');

  let converted = false;
  const loadStarted = performance.now();
  const words = await ensureWordVectors(cacheDir, {
    log: (message) => {
      converted ||= message.startsWith('converting');
      progress(message);
    },
  });
  const loadMs = performance.now() - loadStarted;

  const variants = [
    await variant('plain mean (baseline)', () =>
      Promise.resolve(new SentenceEncoder(words, { unknownWeight: 0, unitWords: false })),
    ),
    await variant('SIF', () =>
      createSifEncoder(words, { weighting: 'sif', cacheDir, log: progress }),
    ),
    await variant('uSIF (default)', () =>
      createSifEncoder(words, { weighting: 'usif', cacheDir, log: progress }),
    ),
  ];
  const devSentences = dev.flatMap((pair) => [pair.first, pair.second]);
  const results = variants.map((entry) => {
    progress(`scoring ${entry.name}`);
    return {
      name: entry.name,
      initMs: entry.initMs,
      spearmanDev: 100 * spearman(similarities(entry.encoder, dev), scores(dev)),
      spearmanTrain: 100 * spearman(similarities(entry.encoder, train), scores(train)),
      sentencesPerSecond: encodeRate(entry.encoder, devSentences),
    };
  });
  const [baseline] = results;

  return {
    tables: [
      {
        title: `STS Benchmark dev (${dev.length} pairs), ${describe(words)}`,
        headers: ['variant', 'Spearman dev', 'vs mean', 'train (tuning)', 'sentences/s', 'init ms'],
        rows: results.map((result) => [
          result.name,
          fixed(result.spearmanDev, 2),
          `${result.spearmanDev >= baseline.spearmanDev ? '+' : ''}${fixed(result.spearmanDev - baseline.spearmanDev, 2)}`,
          fixed(result.spearmanTrain, 2),
          int(result.sentencesPerSecond),
          ms(result.initMs),
        ]),
        notes: [
          'Spearman x100 between cosine similarity and the gold score (0-5); all variants share the tokenizer.',
          'plain mean: unweighted mean of the vectors of the known words. SIF: a/(a+p(w)), a = 1e-4, first ' +
            'common component removed. uSIF: a/(a/2+p(w)) on unit word vectors, 5 components removed by ' +
            'eigenvalue share. p(w) from rank by Zipf; SIF and uSIF give unknown tokens hashed vectors.',
          'Settings were chosen on train (STS Benchmark train split), never on dev.',
          `sentences/s: one thread, ${devSentences.length} dev sentences, median of ${ENCODE_ROUNDS} passes after a warm-up.`,
          `init ms: weights and common components (computed and stored on the first run, read later). ` +
            `Word vector cache: ${ms(loadMs)} ms ${converted ? 'including the one-time conversion of the wink JSON' : 'to load'}.`,
        ],
      },
    ],
    json: {
      stsDir,
      devPairs: dev.length,
      trainPairs: train.length,
      wordVectors: { source: words.source, count: words.count, dim: words.dim },
      cacheLoadMs: loadMs,
      cacheConverted: converted,
      variants: results,
    },
  };
}

async function variant(name: string, create: () => Promise<SentenceEncoder>): Promise<Variant> {
  const started = performance.now();
  const encoder = await create();
  return { name, encoder, initMs: performance.now() - started };
}

function describe(words: WordVectors): string {
  return `${words.source}, ${int(words.count)} words x ${words.dim}`;
}

function similarities(encoder: SentenceEncoder, pairs: StsPair[]): number[] {
  return pairs.map((pair) => {
    const first = encoder.encode(pair.first);
    const second = encoder.encode(pair.second);
    let dot = 0;
    for (let d = 0; d < first.length; d++) dot += first[d] * second[d];
    return dot;
  });
}

const scores = (pairs: StsPair[]): number[] => pairs.map((pair) => pair.score);

/** Pearson correlation of the ranks, ties sharing their average rank. */
function spearman(x: number[], y: number[]): number {
  return pearson(averageRanks(x), averageRanks(y));
}

function averageRanks(values: number[]): number[] {
  const order = values.map((_, i) => i).sort((a, b) => values[a] - values[b]);
  const ranks = new Array<number>(values.length);
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && values[order[end + 1]] === values[order[start]]) end++;
    for (let k = start; k <= end; k++) ranks[order[k]] = (start + end) / 2 + 1;
    start = end + 1;
  }
  return ranks;
}

function pearson(x: number[], y: number[]): number {
  const mean = (values: number[]): number => values.reduce((a, b) => a + b, 0) / values.length;
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) ** 2;
    syy += (y[i] - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}
