import type { Dataset, DatasetName } from '../data/datasets';
import type { GroundTruth } from '../data/ground-truth';
import type { EngineProcess } from '../engine/engine-process';
import type { Table } from '../report/table';

/** What every benchmark gets from the runner. */
export interface BenchContext {
  root: string;
  /** False with --no-build: run the apps as last built. */
  build: boolean;
  /** Progress for people watching (stderr); results go to the tables. */
  log: (message: string) => void;
  /** A data set, generated or loaded once per run and shared by the benchmarks. */
  dataset(name: DatasetName): Dataset;
  /** Exact top-k of the data set's queries, from the bench cache or brute force. */
  truth(dataset: Dataset, k: number): GroundTruth;
  /** A fresh temporary folder for a benchmark's own files, removed at the end (also on Ctrl-C). */
  tempDir(label: string): string;
  /** An engine (not started yet) over a fresh temporary data folder, removed at the end. */
  engine(label: string): EngineProcess;
  /** Stops an engine and removes its data folder. */
  discard(engine: EngineProcess): Promise<void>;
}

export interface BenchOutput {
  tables: Table[];
  /** This benchmark's figures for the machine-readable line. */
  json: Record<string, unknown>;
}

export interface Bench {
  name: string;
  description: string;
  run(context: BenchContext): Promise<BenchOutput>;
}

/** Result count of every search benchmark (recall@10). */
export const K = 10;
/** Qdrant's default upsert batch in its clients' upload helpers and in these benchmarks. */
export const BATCH_SIZE = 256;
/** The collection every benchmark creates. */
export const COLLECTION = 'bench';
