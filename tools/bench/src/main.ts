#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { appEntry, workspaceRoot } from '@aip/platform';
import type { Bench } from './benches/context';
import { engine384 } from './benches/engine-384';
import { engineGlove } from './benches/engine-glove';
import { engineLanceDb } from './benches/engine-lancedb';
import { enginePlain } from './benches/engine-plain';
import { engineRestart } from './benches/engine-restart';
import { embeddingSts } from './benches/embedding-sts';
import { embeddingThroughput } from './benches/embedding-throughput';
import { engineUpsert } from './benches/engine-upsert';
import { gatewayAuth } from './benches/gateway-auth';
import { gatewaySearch } from './benches/gateway-search';
import { ingestThroughput } from './benches/ingest-throughput';
import { inferenceStream } from './benches/inference-stream';
import { inferenceWarm } from './benches/inference-warm';
import { liveLatency } from './benches/live-latency';
import { buildEngine, killAllEngines } from './engine/engine-process';
import { log } from './log';
import { rounded } from './report/format';
import { renderTable } from './report/table';
import { createContext, removeScratch } from './run/run-context';
import { cpuBusyShare, machineInfo } from './run/machine';

const BENCHES: Bench[] = [
  engineGlove,
  engineLanceDb,
  enginePlain,
  engine384,
  engineUpsert,
  engineRestart,
  embeddingSts,
  embeddingThroughput,
  gatewayAuth,
  gatewaySearch,
  inferenceStream,
  inferenceWarm,
  ingestThroughput,
  liveLatency,
];
/** CPU share used by others before a benchmark above which its report carries a warning. */
const BUSY_WARNING = 0.15;

const USAGE = `Usage: npm run bench -- <name>... [--no-build]

  ${BENCHES.map((bench) => `${bench.name.padEnd(16)}${bench.description}`).join('\n  ')}
  ${'all'.padEnd(16)}every benchmark above, in this order

  --no-build      bench the engine as last built (apps/vector-engine/dist), do not compile it

Tables go to stdout, then one JSON line with every figure; progress goes to stderr.
Converted data and ground truth are cached in data/bench-cache/, engine logs in data/bench-logs/.`;

function selectBenches(names: string[]): Bench[] {
  if (names.includes('all')) return BENCHES;
  return names.map((name) => {
    const bench = BENCHES.find((candidate) => candidate.name === name);
    if (!bench) throw new Error(`unknown benchmark "${name}"`);
    return bench;
  });
}

async function main(): Promise<number> {
  let values: { 'no-build'?: boolean; help?: boolean };
  let benches: Bench[];
  try {
    const args = parseArgs({
      options: { 'no-build': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
    });
    values = args.values;
    benches = selectBenches(args.positionals);
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help || benches.length === 0) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }

  const root = workspaceRoot(__dirname);
  if (!values['no-build']) {
    log('building the vector engine (tsc -b apps/vector-engine)');
    if (!buildEngine(root)) {
      console.error(
        'The vector engine does not compile; fix it, or pass --no-build to bench the last build.',
      );
      return 2;
    }
  }
  if (!existsSync(appEntry('vector-engine', root))) {
    console.error(`${appEntry('vector-engine', root)} is missing: build the engine first.`);
    return 2;
  }

  const runId = new Date().toISOString().replace(/[:.]/g, '-');
  const context = createContext(
    {
      root,
      cacheDir: join(root, 'data', 'bench-cache'),
      logDir: join(root, 'data', 'bench-logs', runId),
    },
    log,
    !values['no-build'],
  );
  const machine = machineInfo(root);
  console.log(`# @aip/bench ${benches.map((bench) => bench.name).join(', ')}\n`);
  console.log(
    `machine: ${machine['cpu']}, ${machine['cores']} cores, ${machine['memoryGiB']} GiB, ` +
      `Node ${machine['node']}; commit ${machine['commit']}` +
      `${machine['uncommittedChanges'] ? ' with uncommitted changes' : ''}\n`,
  );

  const results: Record<string, unknown> = {};
  let failed = false;
  for (const bench of benches) {
    log(`== ${bench.name}`);
    const busy = await cpuBusyShare();
    const busyNote =
      busy !== undefined && busy > BUSY_WARNING
        ? `WARNING: ${Math.round(busy * 100)}% of the CPU was busy with other work just before this benchmark; its figures are likely low`
        : undefined;
    if (busyNote) log(busyNote);
    const started = Date.now();
    try {
      const output = await bench.run(context);
      console.log(`## ${bench.name}\n`);
      if (busyNote) console.log(`${busyNote}\n`);
      for (const table of output.tables) console.log(renderTable(table));
      results[bench.name] = rounded({
        ...output.json,
        wallSeconds: (Date.now() - started) / 1000,
        cpuBusyBefore: busy,
      });
    } catch (error) {
      failed = true;
      console.error(`${bench.name} failed:`, error);
      console.log(`## ${bench.name}\n\nFAILED: ${(error as Error).message}\n`);
      results[bench.name] = { error: String((error as Error).message ?? error) };
    }
    log(`== ${bench.name} done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  removeScratch();
  // The one line for machines: always last on stdout.
  console.log(JSON.stringify({ suite: '@aip/bench', runId, machine, results }));
  return failed ? 1 : 0;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    killAllEngines();
    removeScratch();
    process.exit(130);
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    killAllEngines();
    removeScratch();
    process.exit(1);
  },
);
