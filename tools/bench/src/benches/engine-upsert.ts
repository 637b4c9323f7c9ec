import { buildHnsw } from '../baseline/hnsw-in-process';
import { firstRows, type Dataset } from '../data/datasets';
import { createCollection, waitIndexed } from '../engine/collections';
import { upsertAll, type UploadResult } from '../engine/upload';
import { int, mib, ratio, seconds } from '../report/format';
import type { Table } from '../report/table';
import { BATCH_SIZE, COLLECTION, type Bench, type BenchContext } from './context';

const POINTS = 100_000;
const CLIENT_COUNTS = [1, 2] as const;

interface UpsertRun {
  clients: number;
  upload: UploadResult;
  catchUpMs: number;
  totalMs: number;
  rssMiB: number | undefined;
}

/** One fresh engine: upsert everything from `clients` clients, then wait for the index. */
async function upsertRun(context: BenchContext, dataset: Dataset, clients: number) {
  const engine = context.engine(`${dataset.name}-upsert-${clients}c`);
  await engine.start();
  const connections = Array.from({ length: clients }, () => engine.client());
  try {
    await createCollection(connections[0], COLLECTION, {
      vectors: { size: dataset.dim, distance: 'Cosine' },
    });
    context.log(`${dataset.name}: upserting ${dataset.baseCount} points from ${clients} client(s)`);
    const upload = await upsertAll(connections, COLLECTION, dataset, BATCH_SIZE, context.log);
    const catchUpMs = (
      await waitIndexed(connections[0], COLLECTION, dataset.baseCount, context.log)
    ).ms;
    const run: UpsertRun = {
      clients,
      upload,
      catchUpMs,
      totalMs: upload.ms + catchUpMs,
      rssMiB: engine.memoryMiB(),
    };
    return run;
  } finally {
    for (const connection of connections) connection.close();
    await context.discard(engine);
  }
}

export const engineUpsert: Bench = {
  name: 'engine-upsert',
  description: '100k points of 100-d and 384-d, wait=true, 1 and 2 clients, vs hnswlib build',
  async run(context) {
    const tables: Table[] = [];
    const json: Record<string, unknown> = {};
    const sets = [
      firstRows(context.dataset('glove-100'), POINTS),
      firstRows(context.dataset('384-structured'), POINTS),
    ];
    for (const dataset of sets) {
      const runs: UpsertRun[] = [];
      for (const clients of CLIENT_COUNTS) runs.push(await upsertRun(context, dataset, clients));
      context.log(`${dataset.name}: hnswlib-node in-process build of the same points`);
      const hnsw = buildHnsw(dataset, context.log);
      tables.push({
        title: `engine-upsert: ${int(dataset.baseCount)} points, ${dataset.dim}-d, wait=true, ${BATCH_SIZE} per batch`,
        headers: [
          'run',
          'until last ack s',
          'points/s acked',
          'ack -> green s',
          'first write -> green s',
          'points/s indexed',
          'vs in-process build',
        ],
        rows: [
          ...runs.map((run) => [
            `engine, ${run.clients} client${run.clients > 1 ? 's' : ''}`,
            seconds(run.upload.ms),
            int(run.upload.pointsPerSecond),
            seconds(run.catchUpMs),
            seconds(run.totalMs),
            int(dataset.baseCount / (run.totalMs / 1000)),
            ratio(run.totalMs, hnsw.buildMs),
          ]),
          [
            'baseline: hnswlib-node build in-process',
            '',
            '',
            '',
            seconds(hnsw.buildMs),
            int(hnsw.pointsPerSecond),
            '1.00x',
          ],
        ],
        notes: [
          'acked = durable (SQLite commit) and searchable (exactly, until indexed); green = every vector in the HNSW graph',
          'each run starts a fresh engine; with 2 clients the batches come from one shared queue',
          `engine RSS when green: ${runs.map((run) => `${run.clients} client(s) ${mib(run.rssMiB)}`).join(', ')}`,
          `data: ${dataset.description}`,
        ],
      });
      json[`${dataset.dim}d`] = {
        dataset: dataset.name,
        points: dataset.baseCount,
        runs,
        hnswlibBuildMs: hnsw.buildMs,
      };
    }
    return { tables, json };
  },
};
