import { exactScanQueries } from '../baseline/exact-in-process';
import { buildHnsw, HNSW_DEFAULTS, hnswQueries } from '../baseline/hnsw-in-process';
import { firstQueries, type Dataset } from '../data/datasets';
import { restQueries, type SearchParams } from '../engine/search';
import { measureRun, type Measured } from '../measure/measured';
import { combineRuns, type QueryRun } from '../measure/query-run';
import { roundOrder } from '../measure/rounds';
import { sameIds } from '../measure/same-ids';
import { fixed, int, mib, ms, percent, ratio, recall, seconds } from '../report/format';
import type { Table } from '../report/table';
import { BATCH_SIZE, COLLECTION, K, type BenchContext, type BenchOutput } from './context';
import { indexInEngine, type EngineIndexed } from './index-in-engine';

export interface SearchSuiteOptions {
  /** Queries per pass (the first n of the data set's held-out queries). */
  queries: number;
  /** Queries for the exact-search figures, which scan every point per query. */
  exactQueries: number;
  /** The hnsw_ef values of the recall/throughput curve. */
  efs: readonly number[];
}

export const DEFAULT_EFS = [16, 32, 64, 128, 256, 512] as const;
/** Passes per search setting; the median q/s is reported (see combineRuns). */
const ROUNDS = 3;

interface Setting {
  /** Sent as `params`; undefined = the engine's defaults. */
  params: SearchParams | undefined;
  /** The ef the in-process baseline uses for the same setting. */
  ef: number;
}

interface Loaded extends EngineIndexed {
  rssMiB: number | undefined;
}

/**
 * Index a data set in the engine over REST and search it (defaults, the hnsw_ef curve, exact),
 * with hnswlib-node and a flat exact scan in this process as baselines. The engine indexes
 * alone; the in-process graph is built while the engine idles; then every setting runs on both
 * systems back to back, in rounds, so both see the same machine state.
 */
export async function searchSuite(
  context: BenchContext,
  dataset: Dataset,
  options: SearchSuiteOptions,
): Promise<BenchOutput> {
  const { log } = context;
  const truth = context.truth(dataset, K);
  const queryIndices = firstQueries(dataset, options.queries);
  const exactIndices = firstQueries(dataset, options.exactQueries);
  const measure = (run: QueryRun, indices: number[]): Measured =>
    measureRun(dataset, truth, indices, run);
  const settings: Setting[] = [
    { params: undefined, ef: HNSW_DEFAULTS.efConstruct },
    ...options.efs.map((ef) => ({ params: { hnsw_ef: ef }, ef })),
  ];

  const engine = context.engine(`${dataset.name}-search`);
  await engine.start();
  let client = engine.client();
  try {
    const indexed = await indexInEngine(client, dataset, log);
    const loaded: Loaded = { ...indexed, rssMiB: engine.memoryMiB() };

    log(`${dataset.name}: hnswlib-node in-process build (the engine idles)`);
    // The build blocks this process for minutes: longer than the engine keeps an idle
    // connection open, and the close would go unnoticed. Reconnect afterwards.
    client.close();
    const hnsw = buildHnsw(dataset, log);
    client = engine.client();

    const engineRuns: QueryRun[][] = settings.map(() => []);
    const hnswRuns: QueryRun[][] = settings.map(() => []);
    for (let round = 1; round <= ROUNDS; round++) {
      log(
        `${dataset.name}: search round ${round}/${ROUNDS} (engine, then in-process, per setting)`,
      );
      for (const i of roundOrder(settings.length, round)) {
        const setting = settings[i];
        engineRuns[i].push(
          await restQueries(client, COLLECTION, dataset, queryIndices, K, setting.params),
        );
        hnswRuns[i].push(hnswQueries(hnsw.index, dataset, queryIndices, K, setting.ef));
      }
    }
    const engineResults = engineRuns.map((runs) => measure(combineRuns(runs), queryIndices));
    const hnswResults = hnswRuns.map((runs) => measure(combineRuns(runs), queryIndices));
    // Which ef the engine's default search behaves as: the curve setting whose answers are
    // identical on every query (same graph, so same ef = same answers). Its in-process run is
    // then the fair baseline for the defaults row.
    const defaultIds = engineRuns[0][0].ids;
    const match = options.efs.findIndex(
      (_, i) => sameIds(defaultIds, engineRuns[i + 1][0].ids) === 1,
    );
    const defaultEf = match >= 0 ? options.efs[match] : undefined;
    if (defaultEf !== undefined) hnswResults[0] = hnswResults[match + 1];

    log(`${dataset.name}: exact search, ${exactIndices.length} queries (engine, then in-process)`);
    const exact = measure(
      await restQueries(client, COLLECTION, dataset, exactIndices, K, { exact: true }),
      exactIndices,
    );
    const scan = measure(exactScanQueries(dataset, exactIndices, K), exactIndices);

    return report(dataset, options, loaded, hnsw.buildMs, {
      engine: engineResults,
      hnswlib: hnswResults,
      exact,
      scan,
      queries: queryIndices.length,
      defaultEf,
    });
  } finally {
    client.close();
    await context.discard(engine);
  }
}

interface SearchResults {
  /** Per setting: [defaults, ...options.efs]. */
  engine: Measured[];
  hnswlib: Measured[];
  exact: Measured;
  scan: Measured;
  queries: number;
  /** The hnsw_ef whose answers the engine's default search matched exactly, if any. */
  defaultEf: number | undefined;
}

function report(
  dataset: Dataset,
  options: SearchSuiteOptions,
  loaded: Loaded,
  hnswBuildMs: number,
  results: SearchResults,
): BenchOutput {
  const { upload, catchUpMs } = loaded;
  const totalMs = upload.ms + catchUpMs;
  const rawMiB = (dataset.baseCount * dataset.dim * 4) / 2 ** 20;
  const build: Table = {
    title: `${dataset.name}: loading ${int(dataset.baseCount)} points (${dataset.dim}-d) and indexing`,
    headers: ['phase', 'time s', 'points/s', 'vs in-process build'],
    rows: [
      [
        `engine: upsert over REST (wait=true, ${BATCH_SIZE}/batch, 1 client)`,
        seconds(upload.ms),
        int(upload.pointsPerSecond),
        '',
      ],
      ['engine: index catch-up after the last ack (until green)', seconds(catchUpMs), '', ''],
      [
        'engine: first write until green, total',
        seconds(totalMs),
        int(dataset.baseCount / (totalMs / 1000)),
        ratio(totalMs, hnswBuildMs),
      ],
      [
        `baseline: hnswlib-node build in-process (M ${HNSW_DEFAULTS.m}, ef_construct ${HNSW_DEFAULTS.efConstruct})`,
        seconds(hnswBuildMs),
        int(dataset.baseCount / (hnswBuildMs / 1000)),
        '1.00x',
      ],
    ],
    notes: [
      `engine RSS once indexed: ${mib(loaded.rssMiB)} (raw f32 vectors alone: ${mib(rawMiB)})`,
      `data: ${dataset.description}`,
    ],
  };

  const [engineDefaults, ...engineCurve] = results.engine;
  const [hnswDefaults, ...hnswCurve] = results.hnswlib;
  const baselineEf = results.defaultEf ?? HNSW_DEFAULTS.efConstruct;
  const defaultNote =
    results.defaultEf !== undefined
      ? `the engine's default search returned exactly the answers of params.hnsw_ef=${results.defaultEf} on every query, so its baseline runs at ef=${results.defaultEf} (Qdrant's default is ef_construct = ${HNSW_DEFAULTS.efConstruct})`
      : `the engine's default search matched no tested hnsw_ef; its baseline runs at ef_construct = ${HNSW_DEFAULTS.efConstruct}, Qdrant's default`;
  const line = (label: string, ef: string, m: Measured, baseline: Measured | undefined) => [
    label,
    ef,
    recall(m.recall),
    m.qps < 100 ? fixed(m.qps, 1) : int(m.qps),
    ms(m.p50Ms),
    ms(m.p99Ms),
    baseline ? percent(m.qps, baseline.qps) : '',
  ];
  const searchTable: Table = {
    title: `${dataset.name}: search at default params, k=${K}, single client`,
    headers: ['system', 'hnsw_ef', `recall@${K}`, 'q/s', 'p50 ms', 'p99 ms', 'q/s vs baseline'],
    rows: [
      line(
        `engine over REST, ${results.queries} queries`,
        results.defaultEf !== undefined ? `default (= ${results.defaultEf})` : 'default',
        engineDefaults,
        hnswDefaults,
      ),
      line(
        `baseline: hnswlib-node in-process, ${results.queries} queries`,
        String(baselineEf),
        hnswDefaults,
        hnswDefaults,
      ),
      line(
        `engine exact over REST (params.exact=true), ${results.exact.queries} queries`,
        'exact',
        results.exact,
        results.scan,
      ),
      line(
        `baseline: flat Float32Array scan in-process JS, ${results.scan.queries} queries`,
        'exact',
        results.scan,
        results.scan,
      ),
    ],
    notes: [
      'engine: POST /collections/{name}/points/query {query, limit, params}; latency = request sent to response parsed',
      defaultNote,
      `q/s is the median of ${ROUNDS} passes (settings in alternating order), each run on the engine and in-process back to back; p50/p99 over all passes`,
      `exact search scans every point per query, so it runs on the first ${results.exact.queries} queries only`,
    ],
  };

  const curveTable: Table = {
    title: `${dataset.name}: recall / throughput over params.hnsw_ef (${results.queries} queries)`,
    headers: [
      'hnsw_ef',
      'engine recall',
      'engine q/s',
      'engine p50 ms',
      'engine p99 ms',
      'hnswlib recall',
      'hnswlib q/s',
      'hnswlib p50 ms',
      'REST q/s % of in-process',
    ],
    rows: options.efs.map((ef, i) => {
      const e = engineCurve[i];
      const h = hnswCurve[i];
      return [
        String(ef),
        recall(e.recall),
        int(e.qps),
        ms(e.p50Ms),
        ms(e.p99Ms),
        recall(h.recall),
        int(h.qps),
        fixed(h.p50Ms, 3),
        percent(e.qps, h.qps),
      ];
    }),
  };

  return {
    tables: [build, searchTable, curveTable],
    json: {
      dataset: {
        name: dataset.name,
        dim: dataset.dim,
        points: dataset.baseCount,
        queries: results.queries,
      },
      build: {
        upsert: upload,
        catchUpMs,
        firstWriteToGreenMs: totalMs,
        engineRssMiB: loaded.rssMiB,
        hnswlibBuildMs: hnswBuildMs,
      },
      defaults: {
        engineDefaultBehavesAsEf: results.defaultEf ?? null,
        engine: engineDefaults,
        hnswlib: hnswDefaults,
        engineExact: results.exact,
        inProcessExactScan: results.scan,
      },
      curve: options.efs.map((ef, i) => ({ ef, engine: engineCurve[i], hnswlib: hnswCurve[i] })),
    },
  };
}
