import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { firstQueries, firstRows, type Dataset } from '../data/datasets';
import { measureRun } from '../measure/measured';
import { combineRuns } from '../measure/query-run';
import { roundOrder } from '../measure/rounds';
import { median } from '../measure/stats';
import { K, type Bench, type BenchContext } from './context';
import {
  lanceDbIndexes,
  prepareEngine,
  prepareLanceDb,
  type Contender,
  type SettingPass,
} from './engine-lancedb-contenders';
import { lanceDbReport, type ContenderResult } from './engine-lancedb-report';

const QUERIES = 1000;
/** Passes per setting; the median q/s is reported (see combineRuns). */
const ROUNDS = 3;
/** For development: bench the first N base vectors only (ground truth is then their own). */
const POINTS_VARIABLE = 'BENCH_LANCEDB_POINTS';
/**
 * Fewer 100-d vectors stay under the engine's indexing_threshold (10,000 KB, as Qdrant's): it
 * would search them by a full scan and never report them indexed.
 */
const MIN_POINTS = 30_000;

function benchData(context: BenchContext): Dataset {
  const glove = context.dataset('glove-100');
  const limit = process.env[POINTS_VARIABLE];
  if (limit === undefined || limit === '') return glove;
  const points = Number(limit);
  if (!Number.isInteger(points) || points < MIN_POINTS) {
    throw new Error(`${POINTS_VARIABLE} must be an integer >= ${MIN_POINTS}, not "${limit}"`);
  }
  return firstRows(glove, points);
}

/**
 * Every setting of every contender, in rounds, in alternating order (roundOrder): all of them
 * are loaded and idle but the one searching, so each sees the same machine state.
 */
async function searchInRounds(context: BenchContext, contenders: Contender[]) {
  const jobs = contenders.flatMap((contender) => contender.settings);
  const passes: SettingPass[][] = jobs.map(() => []);
  for (let round = 1; round <= ROUNDS; round++) {
    context.log(`search round ${round}/${ROUNDS}: ${jobs.length} settings`);
    for (const i of roundOrder(jobs.length, round)) passes[i].push(await jobs[i].pass());
  }
  return passes;
}

export const engineLanceDb: Bench = {
  name: 'engine-lancedb',
  description: 'GloVe 100-d (340k): q/s at recall@10 >= 0.95 and RSS vs LanceDB in-process',
  async run(context) {
    const dataset = benchData(context);
    const truth = context.truth(dataset, K);
    const queryIndices = firstQueries(dataset, QUERIES);
    const scratch = context.tempDir('lancedb');
    // The workers read the vectors from a file in batches, so no process but this one holds
    // the whole data set in memory.
    const vectorFile = join(scratch, 'base.f32');
    const { base } = dataset;
    writeFileSync(vectorFile, new Uint8Array(base.buffer, base.byteOffset, base.byteLength));

    const engine = context.engine('lancedb-peer');
    const contenders: Contender[] = [];
    try {
      contenders.push(await prepareEngine(context, engine, dataset, queryIndices));
      for (const spec of lanceDbIndexes(dataset.baseCount)) {
        const dbDir = join(scratch, spec.type);
        contenders.push(
          await prepareLanceDb(context, spec, dbDir, vectorFile, dataset, queryIndices),
        );
      }
      const passes = await searchInRounds(context, contenders);
      let job = 0;
      const results: ContenderResult[] = contenders.map((contender) => ({
        contender,
        settings: contender.settings.map((setting) => {
          const settingPasses = passes[job++];
          const run = combineRuns(settingPasses.map((pass) => pass.run));
          return {
            label: setting.label,
            ...measureRun(dataset, truth, queryIndices, run),
            cpuMsPerQuery: median(settingPasses.map((pass) => pass.cpuMsPerQuery)),
          };
        }),
        after: contender.afterSearches(),
      }));
      return lanceDbReport(dataset, results, { rounds: ROUNDS });
    } finally {
      for (const contender of contenders) await contender.stop();
      await context.discard(engine);
      rmSync(scratch, { recursive: true, force: true });
    }
  },
};
