import { copyBandwidth, nativeScanQueries } from '../baseline/native-scan-in-process';
import { exactScanQueries } from '../baseline/exact-in-process';
import { firstRows, type Dataset } from '../data/datasets';
import { createCollection, waitIndexed } from '../engine/collections';
import type { EngineProcess } from '../engine/engine-process';
import { restQueries, type SearchParams } from '../engine/search';
import { upsertAll } from '../engine/upload';
import { cpuDuring } from '../measure/process-cpu';
import { recallAtK } from '../measure/recall';
import { fixed, int, ms, ratio, recall } from '../report/format';
import type { Table } from '../report/table';
import { BATCH_SIZE, K, type Bench } from './context';

/** Below Qdrant's default indexing_threshold (10,000 KB): 20k x 100 floats are 7,813 KB. */
const PLAIN_POINTS = 20_000;
/** Above it: this collection gets its graph. */
const INDEXED_POINTS = 30_000;
const QUERIES = 1000;

/**
 * A collection too small to index (searched by a full scan, as Qdrant does) against an indexed
 * one of similar size: the engine's CPU per query from /proc, and its exact search over REST
 * against a native SIMD scan and a JavaScript scan of the same data in this process, with the
 * memory-bandwidth bound of a scan.
 */
export const enginePlain: Bench = {
  name: 'engine-plain',
  description: 'plain (unindexed) vs indexed search: engine CPU/query, exact REST vs native scan',
  async run(context) {
    const glove = context.dataset('glove-100');
    const plain = firstRows(glove, PLAIN_POINTS);
    const indexed = firstRows(glove, INDEXED_POINTS);
    const engine = context.engine('plain-search');
    await engine.start();
    try {
      const client = engine.client();
      for (const [name, dataset] of [
        ['plain', plain],
        ['indexed', indexed],
      ] as const) {
        await createCollection(client, name, { vectors: { size: glove.dim, distance: 'Cosine' } });
        await upsertAll([client], name, dataset, BATCH_SIZE, context.log);
        await waitIndexed(client, name, name === 'plain' ? 0 : dataset.baseCount, context.log);
      }
      const queries = Array.from({ length: Math.min(QUERIES, glove.queryCount) }, (_, i) => i);
      context.log('  searching: plain, indexed, exact');
      const perQuery = async (collection: string, dataset: Dataset, params?: SearchParams) => {
        const { result, cpuMs } = await cpuDuring(engineCpu(engine), () =>
          restQueries(client, collection, dataset, queries, K, params),
        );
        return { run: result, cpuMs: cpuMs.engine / queries.length };
      };
      const plainSearch = await perQuery('plain', plain);
      const indexedSearch = await perQuery('indexed', indexed);
      const exactRest = await perQuery('plain', plain, { exact: true });
      const native = nativeScanQueries(plain, queries, K);
      const js = exactScanQueries(plain, queries, K);
      const truth = context.truth(plain, K);
      const bandwidth = copyBandwidth();
      const bytesPerQuery = plain.baseCount * plain.dim * 4;
      const boundQps = bandwidth / bytesPerQuery;

      const cpuTable: Table = {
        title: 'Engine CPU per search (1 client, /proc of the engine process)',
        headers: ['collection', 'points', 'plan', 'engine CPU/query', 'q/s', 'p50', 'vs indexed'],
        rows: [
          ['plain (under indexing_threshold)', plain, 'full scan', plainSearch] as const,
          ['indexed', indexed, 'HNSW', indexedSearch] as const,
        ].map(([label, dataset, plan, measured]) => [
          label,
          int(dataset.baseCount),
          plan,
          ms(measured.cpuMs),
          int(measured.run.summary.qps),
          ms(measured.run.summary.p50Ms),
          ratio(measured.cpuMs, indexedSearch.cpuMs),
        ]),
        notes: ['Target: plain ≤ 2x indexed CPU per query.'],
      };
      const exactTable: Table = {
        title: `Exact search on ${int(plain.baseCount)} x ${plain.dim} (cosine), top ${K}`,
        headers: ['system', 'q/s', 'p50', 'recall@10', 'vs native scan'],
        rows: [
          [
            'engine over REST (exact: true)',
            int(exactRest.run.summary.qps),
            ms(exactRest.run.summary.p50Ms),
            recall(recallAtK(plain, truth, queries, exactRest.run.ids)),
            ratio(exactRest.run.summary.qps, native.summary.qps),
          ],
          [
            'hnswlib brute force in-process (native SIMD)',
            int(native.summary.qps),
            ms(native.summary.p50Ms),
            recall(recallAtK(plain, truth, queries, native.ids)),
            '1.00x',
          ],
          [
            'JavaScript flat scan in-process',
            int(js.summary.qps),
            ms(js.summary.p50Ms),
            recall(recallAtK(plain, truth, queries, js.ids)),
            ratio(js.summary.qps, native.summary.qps),
          ],
          ['memory-bandwidth bound', int(boundQps), '', '', ratio(boundQps, native.summary.qps)],
        ],
        notes: [
          `Bound: ${fixed(bytesPerQuery / 2 ** 20, 1)} MiB scanned per query over a measured copy bandwidth of ${fixed(bandwidth / 2 ** 30, 1)} GiB/s.`,
          'Target: engine over REST ≥ 0.8x the native scan.',
        ],
      };
      return {
        tables: [cpuTable, exactTable],
        json: {
          plainCpuMsPerQuery: plainSearch.cpuMs,
          indexedCpuMsPerQuery: indexedSearch.cpuMs,
          plainVsIndexedCpu: plainSearch.cpuMs / indexedSearch.cpuMs,
          exactRestQps: exactRest.run.summary.qps,
          nativeScanQps: native.summary.qps,
          jsScanQps: js.summary.qps,
          exactVsNative: exactRest.run.summary.qps / native.summary.qps,
          bandwidthBoundQps: boundQps,
        },
      };
    } finally {
      await context.discard(engine);
    }
  },
};

function engineCpu(engine: EngineProcess): Record<string, number> {
  if (engine.pid === undefined) throw new Error('the engine is not running');
  return { engine: engine.pid };
}
