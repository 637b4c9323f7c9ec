import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchContext } from '../benches/context';
import { loadDataset, type Dataset, type DatasetName } from '../data/datasets';
import { loadGroundTruth, type GroundTruth } from '../data/ground-truth';
import { EngineProcess } from '../engine/engine-process';

export interface RunPaths {
  root: string;
  /** Converted vectors and ground truth, kept between runs (`data/` is git-ignored). */
  cacheDir: string;
  /** The engines' own logs of this run. */
  logDir: string;
}

/** Scratch folders of engines still to remove (also on Ctrl-C). */
const scratch = new Map<EngineProcess, string>();
/** Benchmarks' own temporary folders, removed with the engines' ones. */
const tempDirs = new Set<string>();

export function removeScratch(): void {
  for (const dir of [...scratch.values(), ...tempDirs]) {
    rmSync(dir, { recursive: true, force: true });
  }
  scratch.clear();
  tempDirs.clear();
}

export function createContext(
  paths: RunPaths,
  log: (message: string) => void,
  build = true,
): BenchContext {
  const datasets = new Map<DatasetName, Dataset>();
  const truths = new Map<string, GroundTruth>();
  return {
    root: paths.root,
    build,
    log,
    dataset(name) {
      let dataset = datasets.get(name);
      if (!dataset) {
        log(`loading data set ${name}`);
        dataset = loadDataset(name, paths.cacheDir, log);
        datasets.set(name, dataset);
      }
      return dataset;
    },
    truth(dataset, k) {
      const key = `${dataset.name}/${dataset.baseCount}/${k}`;
      let truth = truths.get(key);
      if (!truth) {
        truth = loadGroundTruth(dataset, k, paths.cacheDir, log);
        truths.set(key, truth);
      }
      return truth;
    },
    tempDir(label) {
      const dir = mkdtempSync(join(tmpdir(), `aip-bench-${label}-`));
      tempDirs.add(dir);
      return dir;
    },
    engine(label) {
      const dataDir = mkdtempSync(join(tmpdir(), 'aip-bench-engine-'));
      const engine = new EngineProcess(paths.root, dataDir, join(paths.logDir, `${label}.log`));
      scratch.set(engine, dataDir);
      return engine;
    },
    async discard(engine) {
      await engine.stop();
      rmSync(engine.dataDir, { recursive: true, force: true });
      scratch.delete(engine);
    },
  };
}
