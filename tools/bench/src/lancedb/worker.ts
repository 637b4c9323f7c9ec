import { closeSync, openSync, readSync } from 'node:fs';
import { connect, Index, type Connection, type Table, type VectorQuery } from '@lancedb/lancedb';
import type { IndexSpec, SearchSetting, WorkerReply, WorkerRequest } from './protocol';

/**
 * LanceDB in a process of its own, forked by lancedb-process.ts: its resident memory and CPU
 * time can then be read from /proc without the benchmark's own (the data set, the ground
 * truth) mixed in. It answers one request at a time over the IPC channel.
 */

/**
 * Rows per write (6.4 MiB of vectors). Larger batches write faster but leave this process's
 * allocator holding more freed memory: 65,536 rows left ~140 MiB more RSS after loading 340k.
 */
const LOAD_BATCH = 16_384;
const TABLE = 'vectors';
const VECTOR_COLUMN = 'vector';

let connection: Connection | undefined;
let table: Table | undefined;

function opened(): Table {
  if (!table) throw new Error('no table: send "load" first');
  return table;
}

/** Reads exactly `target.byteLength` bytes at `position`. */
function readFully(fd: number, target: Float32Array, position: number): void {
  const bytes = new Uint8Array(target.buffer, target.byteOffset, target.byteLength);
  let done = 0;
  while (done < bytes.length) {
    const read = readSync(fd, bytes, done, bytes.length - done, position + done);
    if (read === 0) throw new Error(`vector file ended ${bytes.length - done} bytes early`);
    done += read;
  }
}

async function load(request: Extract<WorkerRequest, { type: 'load' }>): Promise<WorkerReply> {
  const { dbDir, vectorFile, dim, count } = request;
  const started = performance.now();
  connection = await connect(dbDir);
  const fd = openSync(vectorFile, 'r');
  let writes = 0;
  try {
    for (let start = 0; start < count; start += LOAD_BATCH) {
      const rows = Math.min(LOAD_BATCH, count - start);
      const vectors = new Float32Array(rows * dim);
      readFully(fd, vectors, start * dim * 4);
      // Point id = base row, as in the engine, so both answer with the same ids.
      const records = Array.from({ length: rows }, (_, i) => ({
        id: start + i,
        [VECTOR_COLUMN]: vectors.subarray(i * dim, (i + 1) * dim),
      }));
      if (table) await table.add(records);
      else table = await connection.createTable(TABLE, records);
      writes++;
    }
  } finally {
    closeSync(fd);
  }
  const ms = performance.now() - started;
  collectGarbage();
  return { type: 'loaded', ms, rows: await opened().countRows(), writes };
}

/**
 * A full collection, so the RSS read next is LanceDB's own memory rather than this script's
 * garbage from building the rows (V8 would keep it until it next needed the space).
 */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function indexConfig(spec: IndexSpec): Index {
  switch (spec.type) {
    case 'HNSW_SQ':
      return Index.hnswSq({
        distanceType: 'cosine',
        m: spec.m,
        efConstruction: spec.efConstruction,
        numPartitions: spec.numPartitions,
      });
    case 'IVF_PQ':
      return Index.ivfPq({
        distanceType: 'cosine',
        numPartitions: spec.numPartitions,
        numSubVectors: spec.numSubVectors,
      });
  }
}

async function buildIndex(spec: IndexSpec): Promise<WorkerReply> {
  const target = opened();
  const started = performance.now();
  // Local tables build in the call: it returns once the index is written and in use.
  await target.createIndex(VECTOR_COLUMN, { config: indexConfig(spec) });
  const ms = performance.now() - started;
  collectGarbage();
  const info = (await target.listIndices()).find((index) => index.columns.includes(VECTOR_COLUMN));
  if (!info) throw new Error('createIndex returned but listIndices shows no vector index');
  return {
    type: 'indexed',
    ms,
    indexType: info.indexType,
    indexedRows: info.numIndexedRows,
    unindexedRows: info.numUnindexedRows,
    indexBytes: info.sizeBytes,
  };
}

function vectorQuery(vector: Float32Array, k: number, setting: SearchSetting): VectorQuery {
  // Selecting `_distance` too: LanceDB adds it anyway and warns on every query otherwise.
  let query = opened()
    .vectorSearch(vector)
    .distanceType('cosine')
    .limit(k)
    .select(['id', '_distance']);
  if (setting.ef !== undefined) query = query.ef(setting.ef);
  if (setting.nprobes !== undefined) query = query.nprobes(setting.nprobes);
  if (setting.refineFactor !== undefined) query = query.refineFactor(setting.refineFactor);
  return query;
}

async function searchOnce(vector: Float32Array, k: number, setting: SearchSetting) {
  const rows = (await vectorQuery(vector, k, setting).toArray()) as { id: number }[];
  return rows.map((row) => row.id);
}

async function search(request: Extract<WorkerRequest, { type: 'search' }>): Promise<WorkerReply> {
  const { queries, dim, k, setting, warmup } = request;
  const vectors = Array.from({ length: queries.length / dim }, (_, i) =>
    queries.subarray(i * dim, (i + 1) * dim),
  );
  // Warm-up: JIT, the index's caches and the query planner are not part of the figures.
  for (const vector of vectors.slice(0, warmup)) await searchOnce(vector, k, setting);
  const ids: number[][] = [];
  const latenciesMs: number[] = [];
  const started = performance.now();
  for (const vector of vectors) {
    const sent = performance.now();
    ids.push(await searchOnce(vector, k, setting));
    latenciesMs.push(performance.now() - sent);
  }
  return { type: 'searched', ids, latenciesMs, wallMs: performance.now() - started };
}

function handle(request: WorkerRequest): Promise<WorkerReply> {
  switch (request.type) {
    case 'load':
      return load(request);
    case 'index':
      return buildIndex(request.spec);
    case 'search':
      return search(request);
  }
}

function reply(message: WorkerReply): void {
  process.send?.(message);
}

if (!process.send) {
  console.error('lancedb/worker.js is started by the benchmark (fork with IPC), not by hand');
  process.exit(2);
}
process.on('message', (request: WorkerRequest) => {
  handle(request).then(reply, (error: unknown) =>
    reply({ type: 'failed', message: String((error as Error).stack ?? error) }),
  );
});
reply({ type: 'ready' });
// The benchmark went away (finished, failed or interrupted): nothing left to answer.
process.on('disconnect', () => {
  table?.close();
  connection?.close();
  process.exit(0);
});
