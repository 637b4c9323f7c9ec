import { HNSW_DEFAULTS } from '../baseline/hnsw-in-process';
import type { Dataset } from '../data/datasets';
import type { EngineProcess } from '../engine/engine-process';
import type { RestClient } from '../engine/rest-client';
import { restQueries, WARMUP_QUERIES, type SearchParams } from '../engine/search';
import { LanceDbProcess } from '../lancedb/lancedb-process';
import type { IndexSpec, SearchSetting } from '../lancedb/protocol';
import { folderMiB } from '../measure/disk-usage';
import { cpuDuring } from '../measure/process-cpu';
import type { QueryRun } from '../measure/query-run';
import { COLLECTION, K, type BenchContext } from './context';
import { indexInEngine } from './index-in-engine';

/**
 * The sweeps: each system's curve is finest around where it crosses recall 0.95 on GloVe (as
 * measured on this machine), so each gets its fastest setting at the target.
 */
const ENGINE_EFS = [64, 128, 192, 256, 512] as const;
/** LanceDB's HNSW ef: its default (1.5 x limit) stays far below 0.95 here. */
const HNSW_SQ_EFS = [128, 256, 384, 512, 768, 1024] as const;
/**
 * IVF_PQ probes and re-ranking: PQ distances are approximate, so every setting re-ranks
 * limit x refineFactor candidates on the full vectors.
 */
const IVF_PQ_SETTINGS: readonly SearchSetting[] = [
  { nprobes: 32, refineFactor: 10 },
  { nprobes: 48, refineFactor: 10 },
  { nprobes: 64, refineFactor: 10 },
  { nprobes: 96, refineFactor: 10 },
  { nprobes: 48, refineFactor: 20 },
  { nprobes: 64, refineFactor: 20 },
];
/**
 * 4 dimensions per code. LanceDB's default is dim / 16, else dim / 8, else 1 sub-vector:
 * 100 is divisible by neither, so the default would be 1.
 */
const PQ_SUB_VECTORS = 25;

/** One pass of the queries at one setting, with the CPU the system spent on it. */
export interface SettingPass {
  run: QueryRun;
  /** CPU ms per query of the system's process (all threads), warm-up queries included. */
  cpuMsPerQuery: number;
}

export interface SweepSetting {
  label: string;
  pass(): Promise<SettingPass>;
}

export interface BuildPhase {
  label: string;
  ms: number;
  /** Rows per second over this phase; undefined where it is not a rate (waiting). */
  pointsPerSecond?: number;
}

/** A system loaded, indexed and ready to search: what the rounds and the report work on. */
export interface Contender {
  key: 'engine' | IndexSpec['type'];
  /** How it is queried, e.g. "vector-engine over REST". */
  label: string;
  /** Its index and build parameters. */
  index: string;
  settings: SweepSetting[];
  build: BuildPhase[];
  /** RSS of its process started but empty, and once loaded and indexed. */
  memory: { emptyMiB?: number; indexedMiB?: number };
  /** Read once every search has run. */
  afterSearches(): AfterSearches;
  stop(): Promise<void>;
}

export interface AfterSearches {
  rssMiB?: number;
  /** Peak RSS over the process's life (VmHWM): index building included. */
  peakMiB?: number;
  /** Its data folder on disk. */
  diskMiB?: number;
}

/** vector-engine as its own process, loaded over REST and waited until green. */
export async function prepareEngine(
  context: BenchContext,
  engine: EngineProcess,
  dataset: Dataset,
  queryIndices: readonly number[],
): Promise<Contender> {
  await engine.start();
  const emptyMiB = engine.memoryMiB();
  const loadClient = engine.client();
  const indexed = await indexInEngine(loadClient, dataset, context.log).finally(() =>
    loadClient.close(),
  );
  const pid = engine.pid as number;
  // A client of its own for the searches: LanceDB's builds run between, longer than the
  // engine keeps an idle connection.
  let client: RestClient | undefined;
  const pass = async (params: SearchParams | undefined): Promise<SettingPass> => {
    client ??= engine.client();
    const search = client;
    const { result, cpuMs } = await cpuDuring({ engine: pid }, () =>
      restQueries(search, COLLECTION, dataset, queryIndices, K, params),
    );
    return { run: result, cpuMsPerQuery: cpuMs.engine / (queryIndices.length + WARMUP_QUERIES) };
  };
  return {
    key: 'engine',
    label: 'vector-engine over REST',
    index: `HNSW M ${HNSW_DEFAULTS.m}, ef_construct ${HNSW_DEFAULTS.efConstruct}, f32`,
    settings: [
      { label: 'default', pass: () => pass(undefined) },
      ...ENGINE_EFS.map((ef) => ({ label: `hnsw_ef ${ef}`, pass: () => pass({ hnsw_ef: ef }) })),
    ],
    build: [
      {
        label: 'upsert over REST (wait=true, 1 client)',
        ms: indexed.upload.ms,
        pointsPerSecond: indexed.upload.pointsPerSecond,
      },
      { label: 'index catch-up until green', ms: indexed.catchUpMs },
    ],
    memory: { emptyMiB, indexedMiB: engine.memoryMiB() },
    afterSearches: () => ({
      rssMiB: engine.memoryMiB(),
      peakMiB: engine.memoryMiB('VmHWM'),
      diskMiB: folderMiB(engine.dataDir),
    }),
    // The engine itself is the context's to stop (context.discard).
    async stop() {
      client?.close();
    },
  };
}

/** The LanceDB indexes compared, with parameters as close to the engine's as each allows. */
export function lanceDbIndexes(points: number): IndexSpec[] {
  return [
    {
      type: 'HNSW_SQ',
      m: HNSW_DEFAULTS.m,
      efConstruction: HNSW_DEFAULTS.efConstruct,
      // One graph over every vector, like the engine's collection (LanceDB's advice for HNSW).
      numPartitions: 1,
    },
    // LanceDB's default partition count (sqrt of the rows), spelled out for the report.
    { type: 'IVF_PQ', numPartitions: Math.round(Math.sqrt(points)), numSubVectors: PQ_SUB_VECTORS },
  ];
}

function describe(spec: IndexSpec): string {
  switch (spec.type) {
    case 'HNSW_SQ':
      return `IVF_HNSW_SQ, ${spec.numPartitions} partition, m ${spec.m}, ef_construction ${spec.efConstruction}, int8 codes`;
    case 'IVF_PQ':
      return `IVF_PQ, ${spec.numPartitions} partitions, ${spec.numSubVectors} sub-vectors x 8 bits`;
  }
}

function sweepOf(spec: IndexSpec): readonly SearchSetting[] {
  switch (spec.type) {
    case 'HNSW_SQ':
      return HNSW_SQ_EFS.map((ef) => ({ ef }));
    case 'IVF_PQ':
      return IVF_PQ_SETTINGS;
  }
}

function settingLabel(setting: SearchSetting): string {
  const parts: string[] = [];
  if (setting.ef !== undefined) parts.push(`ef ${setting.ef}`);
  if (setting.nprobes !== undefined) parts.push(`nprobes ${setting.nprobes}`);
  if (setting.refineFactor !== undefined) parts.push(`refine x${setting.refineFactor}`);
  return parts.join(', ') || 'default';
}

/**
 * LanceDB in a worker process of its own: a table written from the vector file in batches,
 * then one vector index built on it. The DB folder is `dbDir`.
 */
export async function prepareLanceDb(
  context: BenchContext,
  spec: IndexSpec,
  dbDir: string,
  vectorFile: string,
  dataset: Dataset,
  queryIndices: readonly number[],
): Promise<Contender> {
  const worker = new LanceDbProcess(dbDir);
  await worker.start();
  try {
    const emptyMiB = worker.memoryMiB();
    context.log(`LanceDB ${spec.type}: writing ${dataset.baseCount} rows`);
    const loaded = await worker.load(vectorFile, dataset.dim, dataset.baseCount);
    if (loaded.rows !== dataset.baseCount) {
      throw new Error(`LanceDB holds ${loaded.rows} rows, expected ${dataset.baseCount}`);
    }
    context.log(`LanceDB ${spec.type}: building the index (${describe(spec)})`);
    const indexed = await worker.buildIndex(spec);
    if (indexed.indexedRows !== undefined && indexed.indexedRows !== dataset.baseCount) {
      throw new Error(`LanceDB indexed ${indexed.indexedRows} of ${dataset.baseCount} rows`);
    }
    context.log(`LanceDB ${spec.type}: index built in ${(indexed.ms / 1000).toFixed(1)} s`);
    const queries = dataset.queries.slice(0, queryIndices.length * dataset.dim);
    const pass = async (setting: SearchSetting): Promise<SettingPass> => {
      const { run, cpuMs } = await worker.search(queries, dataset.dim, K, setting, WARMUP_QUERIES);
      return { run, cpuMsPerQuery: cpuMs / (queryIndices.length + WARMUP_QUERIES) };
    };
    return {
      key: spec.type,
      label: `LanceDB ${spec.type} in-process (Node binding)`,
      index: describe(spec),
      settings: sweepOf(spec).map((setting) => ({
        label: settingLabel(setting),
        pass: () => pass(setting),
      })),
      build: [
        {
          label: `write the table (${loaded.writes} batch${loaded.writes === 1 ? '' : 'es'})`,
          ms: loaded.ms,
          pointsPerSecond: dataset.baseCount / (loaded.ms / 1000),
        },
        {
          label: 'createIndex',
          ms: indexed.ms,
          pointsPerSecond: dataset.baseCount / (indexed.ms / 1000),
        },
      ],
      memory: { emptyMiB, indexedMiB: worker.memoryMiB() },
      afterSearches: () => ({
        rssMiB: worker.memoryMiB(),
        peakMiB: worker.memoryMiB('VmHWM'),
        diskMiB: folderMiB(dbDir),
      }),
      stop: () => worker.stop(),
    };
  } catch (error) {
    await worker.stop();
    throw error;
  }
}
