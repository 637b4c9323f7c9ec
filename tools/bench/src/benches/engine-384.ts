import type { Bench, BenchOutput } from './context';
import { DEFAULT_EFS, searchSuite } from './search-suite';

export const engine384: Bench = {
  name: 'engine-384',
  description: '384-d, 100k structured and 100k uniform random vectors: same measurements',
  async run(context) {
    const outputs: Record<string, BenchOutput> = {};
    for (const name of ['384-structured', '384-random'] as const) {
      outputs[name] = await searchSuite(context, context.dataset(name), {
        queries: 1000,
        exactQueries: 100,
        efs: DEFAULT_EFS,
      });
    }
    const random = outputs['384-random'];
    const [, searchTable] = random.tables;
    searchTable.notes = [
      ...(searchTable.notes ?? []),
      'uniform random 384-d vectors are the worst case for any graph index (no low-dimensional structure): low recall here says little about real embeddings',
    ];
    return {
      tables: Object.values(outputs).flatMap((output) => output.tables),
      json: Object.fromEntries(
        Object.entries(outputs).map(([name, output]) => [name, output.json]),
      ),
    };
  },
};
