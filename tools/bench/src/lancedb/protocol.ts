/**
 * Messages between the benchmark and its LanceDB worker process (lancedb-worker.ts), sent over
 * Node's IPC channel with `serialization: 'advanced'` so typed arrays cross as they are. One
 * request at a time: each is answered by exactly one reply.
 */

/** The vector index the worker builds, with LanceDB's own parameter names. */
export type IndexSpec =
  | { type: 'HNSW_SQ'; m: number; efConstruction: number; numPartitions: number }
  | { type: 'IVF_PQ'; numPartitions: number; numSubVectors: number };

export type IndexType = IndexSpec['type'];

/** Query-time knobs of one search setting; unset ones keep LanceDB's defaults. */
export interface SearchSetting {
  /** HNSW candidates (LanceDB's default is 1.5 x limit). */
  ef?: number;
  /** IVF partitions probed (default 20). */
  nprobes?: number;
  /** IVF_PQ re-ranks limit x refineFactor candidates on the full vectors (default: off). */
  refineFactor?: number;
}

export type WorkerRequest =
  /** Create the table from `count` rows of `dim` float32 in a raw little-endian file. */
  | { type: 'load'; dbDir: string; vectorFile: string; dim: number; count: number }
  | { type: 'index'; spec: IndexSpec }
  /** Run the queries one after another; the first `warmup` are run once before timing. */
  | {
      type: 'search';
      queries: Float32Array;
      dim: number;
      k: number;
      setting: SearchSetting;
      warmup: number;
    };

export type WorkerReply =
  /** Sent once, unasked, when the worker has loaded LanceDB and listens. */
  | { type: 'ready' }
  /** `writes`: createTable plus each add() after it (one batch of rows each). */
  | { type: 'loaded'; ms: number; rows: number; writes: number }
  | {
      type: 'indexed';
      ms: number;
      /** LanceDB's own description of the index, as listIndices() reports it. */
      indexType: string;
      indexedRows: number | undefined;
      unindexedRows: number | undefined;
      indexBytes: number | undefined;
    }
  | { type: 'searched'; ids: number[][]; latenciesMs: number[]; wallMs: number }
  | { type: 'failed'; message: string };
