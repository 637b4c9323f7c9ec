import type { Bench } from './context';
import { DEFAULT_EFS, searchSuite } from './search-suite';

/** Qdrant's published figure on a similar data set: context only, never measured here. */
const QDRANT_ANCHOR =
  "Qdrant's published anchor (NOT measured here): 728 req/s at precision 0.956 on " +
  'glove-100-angular, 1.18M vectors, 8 vCPU, 100 concurrent clients. This run: 2 cores, ' +
  '1 client, 340k vectors, so it is context, not a comparison.';

export const engineGlove: Bench = {
  name: 'engine-glove',
  description: 'GloVe 100-d (340k words): upsert, index, recall/q/s/latency vs hnswlib in-process',
  async run(context) {
    const dataset = context.dataset('glove-100');
    const output = await searchSuite(context, dataset, {
      queries: 1000,
      exactQueries: 100,
      efs: DEFAULT_EFS,
    });
    const [, searchTable] = output.tables;
    searchTable.notes = [...(searchTable.notes ?? []), QDRANT_ANCHOR];
    return {
      tables: output.tables,
      json: { ...output.json, qdrantAnchorNotMeasured: QDRANT_ANCHOR },
    };
  },
};
