import type { Dataset } from '../data/datasets';
import {
  createCollection,
  getCollection,
  waitIndexed,
  type CollectionInfo,
} from '../engine/collections';
import type { EngineProcess } from '../engine/engine-process';
import type { RestClient } from '../engine/rest-client';
import { queryBody, restQueries, searchOnce, type SearchParams } from '../engine/search';
import { upsertAll } from '../engine/upload';
import { recallAtK } from '../measure/recall';
import { sameIds } from '../measure/same-ids';
import { fixed, int, mib, ms, percent, recall, seconds } from '../report/format';
import type { Table } from '../report/table';
import { BATCH_SIZE, COLLECTION, K, type Bench, type BenchContext } from './context';

const GRAPH_QUERIES = 1000;
const GRAPH_ROUNDS = 3;
const EXACT_QUERIES = 100;
const INT8 = { scalar: { type: 'int8', quantile: 0.99, always_ram: true } };

interface SearchFigures {
  queries: number;
  recall: number;
  qps: number;
  p50Ms: number;
  p99Ms: number;
  ids: number[][];
}

interface RestartRun {
  label: string;
  quantizationEcho: unknown;
  firstStartMs: number;
  upsertMs: number;
  catchUpMs: number;
  rssBeforeMiB: number | undefined;
  before: SearchFigures;
  stopMs: number;
  readyMs: number;
  firstSearchMs: number;
  statusAfter: Pick<CollectionInfo, 'status' | 'indexed_vectors_count' | 'points_count'>;
  restartToGreenMs: number;
  rssAfterMiB: number | undefined;
  rssAfterGreenMiB: number | undefined;
}

/** After restart: search figures measured with f32 and int8 interleaved (see measureAfter). */
interface AfterRestart {
  after: SearchFigures;
  exactAfter: SearchFigures;
  /** Exact search with params.quantization.oversampling = 2 (only where it matters: int8). */
  exactOversampledAfter: SearchFigures | undefined;
  rssAfterSearchMiB: number | undefined;
}

async function searchFigures(
  context: BenchContext,
  client: RestClient,
  dataset: Dataset,
  queries: number,
  params?: SearchParams,
): Promise<SearchFigures> {
  const indices = Array.from({ length: Math.min(queries, dataset.queryCount) }, (_, i) => i);
  const run = await restQueries(client, COLLECTION, dataset, indices, K, params);
  return {
    queries: indices.length,
    recall: recallAtK(dataset, context.truth(dataset, K), indices, run.ids),
    qps: run.summary.qps,
    p50Ms: run.summary.p50Ms,
    p99Ms: run.summary.p99Ms,
    ids: run.ids,
  };
}

/** One search from right after /readyz, retried until it answers: ready as a client sees it. */
async function firstSearch(engine: EngineProcess, dataset: Dataset): Promise<number> {
  const client = engine.client();
  const body = queryBody(dataset, 0, K);
  try {
    for (;;) {
      try {
        await searchOnce(client, COLLECTION, body);
        return performance.now() - engine.spawnedAt;
      } catch (error) {
        if (performance.now() - engine.spawnedAt > 600_000) throw error;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }
  } finally {
    client.close();
  }
}

/**
 * Index the data, SIGTERM, start again on the same folder, and time what follows. The engine
 * is left running for the searches after restart; the caller discards it.
 */
async function restartRun(
  context: BenchContext,
  engine: EngineProcess,
  dataset: Dataset,
  label: string,
  quantization: Record<string, unknown> | undefined,
): Promise<RestartRun> {
  const { log } = context;
  const firstStartMs = await engine.start();
  let client = engine.client();
  await createCollection(client, COLLECTION, {
    vectors: { size: dataset.dim, distance: 'Cosine' },
    ...(quantization ? { quantization_config: quantization } : {}),
  });
  const quantizationEcho = (await getCollection(client, COLLECTION)).config['quantization_config'];
  log(`restart/${label}: upserting ${dataset.baseCount} points`);
  const upload = await upsertAll([client], COLLECTION, dataset, BATCH_SIZE, log);
  const catchUpMs = (await waitIndexed(client, COLLECTION, dataset.baseCount, log)).ms;
  const rssBeforeMiB = engine.memoryMiB();
  const before = await searchFigures(context, client, dataset, GRAPH_QUERIES);
  client.close();

  log(`restart/${label}: SIGTERM and start again`);
  const stopMs = await engine.stop();
  const readyMs = await engine.start();
  const firstSearchMs = await firstSearch(engine, dataset);
  client = engine.client();
  const info = await getCollection(client, COLLECTION);
  const rssAfterMiB = engine.memoryMiB();
  await waitIndexed(client, COLLECTION, dataset.baseCount, log);
  const restartToGreenMs = performance.now() - engine.spawnedAt;
  client.close();
  return {
    label,
    quantizationEcho,
    firstStartMs,
    upsertMs: upload.ms,
    catchUpMs,
    rssBeforeMiB,
    before,
    stopMs,
    readyMs,
    firstSearchMs,
    statusAfter: {
      status: info.status,
      indexed_vectors_count: info.indexed_vectors_count,
      points_count: info.points_count,
    },
    restartToGreenMs,
    rssAfterGreenMiB: engine.memoryMiB(),
    rssAfterMiB,
  };
}

/**
 * Searches both restarted engines in alternation (graph rounds, then exact), so the f32/int8
 * comparison is not skewed by whatever else the machine does in between.
 */
async function measureAfter(
  context: BenchContext,
  dataset: Dataset,
  engines: EngineProcess[],
): Promise<AfterRestart[]> {
  const clients = engines.map((engine) => engine.client());
  try {
    const graphRuns: SearchFigures[][] = engines.map(() => []);
    for (let round = 1; round <= GRAPH_ROUNDS; round++) {
      context.log(`restart: graph search round ${round}/${GRAPH_ROUNDS}, f32 then int8`);
      for (const [i, client] of clients.entries()) {
        graphRuns[i].push(await searchFigures(context, client, dataset, GRAPH_QUERIES));
      }
    }
    const exact: SearchFigures[] = [];
    for (const client of clients) {
      context.log(`restart: exact search, ${EXACT_QUERIES} queries`);
      exact.push(await searchFigures(context, client, dataset, EXACT_QUERIES, { exact: true }));
    }
    // Qdrant's default oversampling (1) rescores only `limit` candidates ranked by int8 codes.
    context.log(`restart: int8 exact search with oversampling 2, ${EXACT_QUERIES} queries`);
    const oversampled = await searchFigures(context, clients[1], dataset, EXACT_QUERIES, {
      exact: true,
      quantization: { oversampling: 2 },
    });
    return engines.map((engine, i) => ({
      after: medianRun(graphRuns[i]),
      exactAfter: exact[i],
      exactOversampledAfter: i === 1 ? oversampled : undefined,
      rssAfterSearchMiB: engine.memoryMiB(),
    }));
  } finally {
    for (const client of clients) client.close();
  }
}

/** The round with the median q/s (each round is already a full pass of the queries). */
function medianRun(runs: SearchFigures[]): SearchFigures {
  const sorted = [...runs].sort((a, b) => a.qps - b.qps);
  return sorted[Math.floor(sorted.length / 2)];
}

const statusText = (info: RestartRun['statusAfter']): string =>
  `${info.status}, ${int(info.indexed_vectors_count)}/${int(info.points_count)} indexed`;

function restartTable(
  dataset: Dataset,
  f32: RestartRun,
  f32After: AfterRestart,
  empty: { startMs: number; rssMiB: number | undefined },
): Table {
  const rawMiB = (dataset.baseCount * dataset.dim * 4) / 2 ** 20;
  const firstIndexMs = f32.upsertMs + f32.catchUpMs;
  return {
    title: `engine-restart: ${int(dataset.baseCount)} x ${dataset.dim}-d indexed points (f32), SIGTERM then start`,
    headers: ['measurement', 'engine', 'baseline in the same run'],
    rows: [
      [
        'spawn -> /readyz 200',
        `${seconds(f32.readyMs)} s`,
        `empty engine: ${seconds(empty.startMs)} s`,
      ],
      [
        'spawn -> first search answered',
        `${seconds(f32.firstSearchMs)} s`,
        `first start: upsert + indexing took ${seconds(firstIndexMs)} s`,
      ],
      ['collection right after restart', statusText(f32.statusAfter), 'before: green, all indexed'],
      [
        'spawn -> green with every vector indexed',
        `${seconds(f32.restartToGreenMs)} s`,
        `first start: ${seconds(firstIndexMs)} s`,
      ],
      ['SIGTERM -> process exited', `${seconds(f32.stopMs)} s`, ''],
      [
        'RSS right after restart (VmRSS)',
        mib(f32.rssAfterMiB),
        `before restart: ${mib(f32.rssBeforeMiB)}; empty engine: ${mib(empty.rssMiB)}`,
      ],
      [
        'RSS after restart, after the searches',
        mib(f32After.rssAfterSearchMiB),
        `raw f32 vectors (computed): ${mib(rawMiB)}`,
      ],
      [
        `recall@${K} / q/s after restart (${f32After.after.queries} queries, default ef)`,
        `${recall(f32After.after.recall)} / ${int(f32After.after.qps)}`,
        `before restart: ${recall(f32.before.recall)} / ${int(f32.before.qps)}`,
      ],
    ],
    notes: [
      'times are from spawning `node apps/vector-engine/dist/main.js`: Node start-up and module loading included',
      `data: ${dataset.description}`,
    ],
  };
}

interface QuantizationVerdict {
  table: Table;
  rssSaving: number;
  graphSame: number;
  exactSame: number;
  ignored: boolean;
}

function quantizationTable(
  dataset: Dataset,
  runs: { f32: RestartRun; int8: RestartRun },
  after: { f32: AfterRestart; int8: AfterRestart },
): QuantizationVerdict {
  const rawMiB = (dataset.baseCount * dataset.dim * 4) / 2 ** 20;
  const rssSaving = 1 - (runs.int8.rssAfterGreenMiB ?? 0) / (runs.f32.rssAfterGreenMiB ?? 1);
  const graphSame = sameIds(after.int8.after.ids, after.f32.after.ids);
  const exactSame = sameIds(after.int8.exactAfter.ids, after.f32.exactAfter.ids);
  const echo = runs.int8.quantizationEcho;
  const accepted = echo !== null && echo !== undefined;
  const ignored = accepted && Math.abs(rssSaving) < 0.05 && exactSame > 0.99;
  const verdict = !accepted
    ? 'the engine did not keep quantization_config (collection info shows none)'
    : ignored
      ? 'quantization_config is accepted and echoed, but the engine IGNORES it: same memory and identical exact results as f32'
      : `int8 is applied (exact search differs from f32 on ${percent(1 - exactSame, 1)} of queries); RSS ${rssSaving >= 0 ? 'saving' : 'INCREASE'}: ${fixed(Math.abs(rssSaving) * 100, 1)}%`;
  const line = (label: string, run: RestartRun, measured: AfterRestart, isBase: boolean) => [
    label,
    `${seconds(run.readyMs)} s`,
    mib(run.rssAfterGreenMiB),
    mib(measured.rssAfterSearchMiB),
    recall(measured.after.recall),
    int(measured.after.qps),
    ms(measured.after.p50Ms),
    ms(measured.after.p99Ms),
    recall(measured.exactAfter.recall),
    fixed(measured.exactAfter.qps, 1),
    isBase ? '' : percent(graphSame, 1),
    isBase ? '' : percent(exactSame, 1),
  ];
  const table: Table = {
    title: `engine-restart: scalar int8 quantization vs f32, ${int(dataset.baseCount)} x ${dataset.dim}-d, after restart`,
    headers: [
      'collection',
      'spawn -> ready',
      'RSS at ready',
      'RSS after searches',
      `graph recall@${K}`,
      'graph q/s',
      'graph p50 ms',
      'graph p99 ms',
      `exact recall@${K}`,
      'exact q/s',
      'same graph top-10 as f32',
      'same exact top-10 as f32',
    ],
    rows: [
      line('baseline: f32', runs.f32, after.f32, true),
      line(`int8 ${JSON.stringify(echo ?? null)}`, runs.int8, after.int8, false),
    ],
    notes: [
      verdict,
      `int8 exact search with params.quantization.oversampling=2: recall@${K} ${recall(after.int8.exactOversampledAfter?.recall ?? Number.NaN)}, ${fixed(after.int8.exactOversampledAfter?.qps, 1)} q/s (default oversampling 1 rescores only the ${K} best by int8 codes)`,
      `for scale: int8 codes of these vectors take ${mib(rawMiB / 4)}, their f32 values ${mib(rawMiB)}`,
      `both engines run side by side after restart and are searched in alternation: graph = ${GRAPH_QUERIES} queries at default params, median of ${GRAPH_ROUNDS} rounds; exact = params.exact=true, ${EXACT_QUERIES} queries`,
    ],
  };
  return { table, rssSaving, graphSame, exactSame, ignored };
}

export const engineRestart: Bench = {
  name: 'engine-restart',
  description: '100k x 384 indexed: SIGTERM, restart, time to ready and first search, RSS, int8',
  async run(context) {
    const dataset = context.dataset('384-structured');
    const emptyEngine = context.engine('restart-empty');
    const empty: { startMs: number; rssMiB: number | undefined } = { startMs: 0, rssMiB: 0 };
    try {
      empty.startMs = await emptyEngine.start();
      empty.rssMiB = emptyEngine.memoryMiB();
    } finally {
      await context.discard(emptyEngine);
    }
    const engines = { f32: context.engine('restart-f32'), int8: context.engine('restart-int8') };
    try {
      const runs = {
        f32: await restartRun(context, engines.f32, dataset, 'f32', undefined),
        int8: await restartRun(context, engines.int8, dataset, 'int8', INT8),
      };
      const [f32After, int8After] = await measureAfter(context, dataset, [
        engines.f32,
        engines.int8,
      ]);
      const after = { f32: f32After, int8: int8After };
      const quantization = quantizationTable(dataset, runs, after);
      const strip = (run: RestartRun, measured: AfterRestart) => ({
        ...run,
        before: { ...run.before, ids: undefined },
        after: { ...measured.after, ids: undefined },
        exactAfter: { ...measured.exactAfter, ids: undefined },
        exactOversampledAfter: measured.exactOversampledAfter && {
          ...measured.exactOversampledAfter,
          ids: undefined,
        },
        rssAfterSearchMiB: measured.rssAfterSearchMiB,
      });
      return {
        tables: [restartTable(dataset, runs.f32, after.f32, empty), quantization.table],
        json: {
          dataset: { name: dataset.name, dim: dataset.dim, points: dataset.baseCount },
          emptyEngine: empty,
          f32: strip(runs.f32, after.f32),
          int8: strip(runs.int8, after.int8),
          int8RssSaving: quantization.rssSaving,
          int8SameGraphResults: quantization.graphSame,
          int8SameExactResults: quantization.exactSame,
          int8Ignored: quantization.ignored,
        },
      };
    } finally {
      await context.discard(engines.f32);
      await context.discard(engines.int8);
    }
  },
};
