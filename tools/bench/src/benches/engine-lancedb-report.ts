import type { Dataset } from '../data/datasets';
import type { Measured } from '../measure/measured';
import { fixed, int, mib, ms, ratio, recall, seconds } from '../report/format';
import type { Table } from '../report/table';
import { K, type BenchOutput } from './context';
import type { AfterSearches, Contender } from './engine-lancedb-contenders';

/** The recall every system has to reach before its q/s counts. */
export const TARGET_RECALL = 0.95;

export interface SettingResult extends Measured {
  label: string;
  cpuMsPerQuery: number;
}

export interface ContenderResult {
  contender: Contender;
  settings: SettingResult[];
  after: AfterSearches;
}

/** What every ratio is against: LanceDB's fastest index at the target recall, this run. */
interface Baseline {
  result: ContenderResult | undefined;
  fastest: SettingResult | undefined;
  name: string;
}

/** The fastest setting that reaches the target recall, if any does. */
function fastestAtTarget(result: ContenderResult): SettingResult | undefined {
  return result.settings
    .filter((setting) => setting.recall >= TARGET_RECALL)
    .reduce<SettingResult | undefined>(
      (best, setting) => (best && best.qps >= setting.qps ? best : setting),
      undefined,
    );
}

function baselineOf(results: readonly ContenderResult[]): Baseline {
  const candidates = results.flatMap((result) => {
    const fastest = fastestAtTarget(result);
    return result.contender.key !== 'engine' && fastest ? [{ result, fastest }] : [];
  });
  const top = candidates.sort((a, b) => b.fastest.qps - a.fastest.qps)[0];
  return {
    result: top?.result,
    fastest: top?.fastest,
    name: top ? `LanceDB ${top.result.contender.key}` : 'LanceDB',
  };
}

const totalBuildMs = (contender: Contender): number =>
  contender.build.reduce((sum, phase) => sum + phase.ms, 0);

const qps = (value: number): string => (value < 100 ? fixed(value, 1) : int(value));

const rssVs = (result: ContenderResult, baseline: Baseline): string =>
  ratio(result.after.rssMiB ?? NaN, baseline.result?.after.rssMiB ?? NaN);

function headlineTable(
  dataset: Dataset,
  results: readonly ContenderResult[],
  baseline: Baseline,
  rounds: number,
): Table {
  const queries = results[0]?.settings[0]?.queries ?? 0;
  return {
    title: `${dataset.name}: q/s at recall@${K} >= ${TARGET_RECALL}, single client, ${queries} sequential queries`,
    headers: [
      'system',
      `fastest setting >= ${TARGET_RECALL}`,
      `recall@${K}`,
      'q/s',
      'p50 ms',
      'CPU ms/query',
      `q/s vs ${baseline.name}`,
      'RSS after searches',
      `RSS vs ${baseline.name}`,
    ],
    rows: results.map((result) => {
      const fastest = fastestAtTarget(result);
      const memory = [mib(result.after.rssMiB), rssVs(result, baseline)];
      if (!fastest) {
        const closest = [...result.settings].sort((a, b) => b.recall - a.recall)[0];
        const none = `none (highest: ${recall(closest.recall)} at ${closest.label})`;
        return [result.contender.label, none, '', '', '', '', '', ...memory];
      }
      return [
        result.contender.label,
        fastest.label,
        recall(fastest.recall),
        qps(fastest.qps),
        ms(fastest.p50Ms),
        fixed(fastest.cpuMsPerQuery, 2),
        baseline.fastest ? ratio(fastest.qps, baseline.fastest.qps) : 'n/a',
        ...memory,
      ];
    }),
    notes: [
      baseline.result
        ? `baseline: ${baseline.name}, LanceDB's fastest index at recall >= ${TARGET_RECALL}, measured in this run`
        : `no LanceDB index reached recall ${TARGET_RECALL}: no baseline for the ratios`,
      'fastest setting: the highest median q/s among the settings of the sweep below that reach the recall',
      'vector-engine: POST /collections/{name}/points/query over loopback HTTP, JSON both ways, from this process; ' +
        'LanceDB: table.vectorSearch(q).distanceType("cosine").limit(10).toArray() through its Node binding in a ' +
        'worker process, no network: HTTP and JSON are a cost the engine alone pays',
      'CPU ms/query: user + system time of the system process (every thread) from /proc/<pid>/stat over a pass ' +
        'and its warm-up; above the latency, a query ran on more than one core',
      `q/s is the median of ${rounds} passes, settings of every system in alternating order, the others idle`,
      `data: ${dataset.description}`,
    ],
  };
}

function buildTable(
  dataset: Dataset,
  results: readonly ContenderResult[],
  baseline: Baseline,
): Table {
  const baselineMs = baseline.result ? totalBuildMs(baseline.result.contender) : NaN;
  return {
    title: `${dataset.name}: loading ${int(dataset.baseCount)} points (${dataset.dim}-d) and indexing`,
    headers: ['system', 'phase', 'time s', 'points/s', `total vs ${baseline.name}`],
    rows: results.flatMap(({ contender }) => {
      const total = totalBuildMs(contender);
      const phases = contender.build.map((phase) => [
        contender.label,
        phase.label,
        seconds(phase.ms),
        phase.pointsPerSecond === undefined ? '' : int(phase.pointsPerSecond),
        '',
      ]);
      const totalLabel =
        contender.key === 'engine' ? 'first write until green, total' : 'until indexed, total';
      return [
        ...phases,
        [
          contender.label,
          totalLabel,
          seconds(total),
          int(dataset.baseCount / (total / 1000)),
          ratio(total, baselineMs),
        ],
      ];
    }),
    notes: results.map(({ contender }) => `${contender.label}: ${contender.index}`),
  };
}

function memoryTable(
  dataset: Dataset,
  results: readonly ContenderResult[],
  baseline: Baseline,
): Table {
  const rawMiB = (dataset.baseCount * dataset.dim * 4) / 2 ** 20;
  return {
    title: `${dataset.name}: resident memory (VmRSS from /proc/<pid>/status) and disk`,
    headers: [
      'system',
      'empty process',
      'loaded + indexed',
      'after searches',
      'peak (VmHWM)',
      'on disk',
      `after searches vs ${baseline.name}`,
    ],
    rows: results.map((result) => [
      result.contender.label,
      mib(result.contender.memory.emptyMiB),
      mib(result.contender.memory.indexedMiB),
      mib(result.after.rssMiB),
      mib(result.after.peakMiB),
      mib(result.after.diskMiB),
      rssVs(result, baseline),
    ]),
    notes: [
      `raw f32 vectors alone: ${mib(rawMiB)}`,
      'empty process: Node with the system loaded, before any data (the engine after /readyz, LanceDB after its module loaded)',
      "RSS counts a process's own memory and the pages of files it maps; file data read into the kernel page cache (as LanceDB reads its files) is not counted",
    ],
  };
}

function sweepTable(dataset: Dataset, results: readonly ContenderResult[], rounds: number): Table {
  return {
    title: `${dataset.name}: every setting measured (recall@${K}, median q/s of ${rounds} passes)`,
    headers: [
      'system',
      'setting',
      `recall@${K}`,
      'q/s',
      'p50 ms',
      'p99 ms',
      'CPU ms/query',
      `>= ${TARGET_RECALL}`,
    ],
    rows: results.flatMap(({ contender, settings }) =>
      settings.map((setting) => [
        contender.label,
        setting.label,
        recall(setting.recall),
        qps(setting.qps),
        ms(setting.p50Ms),
        ms(setting.p99Ms),
        fixed(setting.cpuMsPerQuery, 2),
        setting.recall >= TARGET_RECALL ? 'yes' : 'no',
      ]),
    ),
    notes: [
      `recall is printed to 3 decimals; the >= ${TARGET_RECALL} test uses the unrounded value (0.9498 prints as 0.950)`,
    ],
  };
}

function figures(
  dataset: Dataset,
  results: readonly ContenderResult[],
  baseline: Baseline,
): Record<string, unknown> {
  const engine = results.find((result) => result.contender.key === 'engine');
  const engineFastest = engine && fastestAtTarget(engine);
  const engineRss = engine?.after.rssMiB;
  const baselineRss = baseline.result?.after.rssMiB;
  return {
    dataset: {
      name: dataset.name,
      dim: dataset.dim,
      points: dataset.baseCount,
      queries: results[0]?.settings[0]?.queries ?? 0,
    },
    targetRecall: TARGET_RECALL,
    baseline: baseline.result?.contender.key ?? null,
    engineQpsVsBaseline:
      engineFastest && baseline.fastest ? engineFastest.qps / baseline.fastest.qps : null,
    engineRssVsBaseline:
      engineRss !== undefined && baselineRss !== undefined ? engineRss / baselineRss : null,
    systems: Object.fromEntries(
      results.map((result) => [
        result.contender.key,
        {
          label: result.contender.label,
          index: result.contender.index,
          fastestAtTarget: fastestAtTarget(result) ?? null,
          build: result.contender.build,
          buildTotalMs: totalBuildMs(result.contender),
          memoryMiB: { ...result.contender.memory, ...result.after },
          settings: result.settings,
        },
      ]),
    ),
  };
}

/** The tables and figures of engine-lancedb, every ratio against LanceDB from the same run. */
export function lanceDbReport(
  dataset: Dataset,
  results: readonly ContenderResult[],
  options: { rounds: number },
): BenchOutput {
  const baseline = baselineOf(results);
  return {
    tables: [
      headlineTable(dataset, results, baseline, options.rounds),
      buildTable(dataset, results, baseline),
      memoryTable(dataset, results, baseline),
      sweepTable(dataset, results, options.rounds),
    ],
    json: figures(dataset, results, baseline),
  };
}
