import { MAX_INGEST_DOCUMENTS, MAX_INGEST_REQUEST_CHARS } from '@aip/contracts';
import { stsSentences } from '../data/sts';
import { RestClient } from '../engine/rest-client';
import { defaultEncoder } from '../measure/encode-rate';
import { cpuDuring, cpuTableRows, processCpuMs } from '../measure/process-cpu';
import { platformProcesses } from '../platform/platform-processes';
import { buildPlatform, startPlatform, type BenchPlatform } from '../platform/platform-stack';
import { int, percent, seconds } from '../report/format';
import { BATCH_SIZE, type Bench, type BenchContext, type BenchOutput } from './context';

/** STS sentences per document; with CHUNK_TOKENS each document makes a few chunks. */
const SENTENCES_PER_DOCUMENT = 12;
const CHUNK_TOKENS = 60;
const DOCUMENTS = 6000;
/** Ingest requests in flight at once, as a bulk loader would send them. */
const REQUESTS_IN_FLIGHT = 4;
const POLL_MS = 50;
const APPS = ['vector-engine', 'embedding', 'vector', 'sync-worker', 'gateway'] as const;
const COLLECTION = 'bench_ingest';
const BASELINE_COLLECTION = 'bench_ingest_baseline';

interface Report {
  state: string;
  counts: { chunks: number; embedded: number };
}

function documents(sentences: string[]): { source_uid: string; text: string }[] {
  return Array.from({ length: DOCUMENTS }, (_, d) => ({
    source_uid: `doc-${d}`,
    text: Array.from(
      { length: SENTENCES_PER_DOCUMENT },
      (_, s) => sentences[(d * SENTENCES_PER_DOCUMENT + s) % sentences.length],
    ).join(' '),
  }));
}

function requests(docs: { text: string }[]): string[][] {
  const bodies: string[][] = [];
  let batch: { text: string }[] = [];
  let chars = 0;
  const flush = () => {
    bodies.push(batch.map((d) => JSON.stringify(d)));
    batch = [];
    chars = 0;
  };
  for (const doc of docs) {
    if (batch.length >= MAX_INGEST_DOCUMENTS || chars + doc.text.length > MAX_INGEST_REQUEST_CHARS)
      flush();
    batch.push(doc);
    chars += doc.text.length;
  }
  if (batch.length > 0) flush();
  return bodies;
}

/** Enqueue to searchable: every request posted, every job completed, the points all counted. */
async function endToEnd(
  platform: BenchPlatform,
  docs: { text: string }[],
): Promise<{ chunks: number; ms: number }> {
  const client = new RestClient(platform.stack.gatewayUrl, REQUESTS_IN_FLIGHT * 2, platform.auth);
  const pending = requests(docs);
  const started = performance.now();
  let chunks = 0;
  const worker = async () => {
    for (let docsJson = pending.shift(); docsJson; docsJson = pending.shift()) {
      const body = `{"collection":"${COLLECTION}","chunking":{"max_tokens":${CHUNK_TOKENS},"overlap_tokens":0},"documents":[${docsJson.join(',')}]}`;
      const accepted = await client.send('POST', '/api/v1/ingest', body);
      if (accepted.status !== 202)
        throw new Error(`ingest answered ${accepted.status}: ${accepted.text.slice(0, 300)}`);
      const { job_id } = JSON.parse(accepted.text) as { job_id: string };
      for (;;) {
        const report = JSON.parse(
          (await client.send('GET', `/api/v1/ingest/jobs/${job_id}`)).text,
        ) as Report;
        if (report.state === 'completed') {
          chunks += report.counts.chunks;
          break;
        }
        if (report.state === 'failed' || report.state === 'cancelled')
          throw new Error(`job ${job_id} ${report.state}`);
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    }
  };
  await Promise.all(Array.from({ length: REQUESTS_IN_FLIGHT }, worker));
  const info = JSON.parse((await client.send('GET', `/api/v1/collections/${COLLECTION}`)).text) as {
    points_count: number;
  };
  const elapsed = performance.now() - started;
  client.close();
  if (info.points_count !== chunks)
    throw new Error(`${info.points_count} points stored for ${chunks} chunks`);
  return { chunks, ms: elapsed };
}

/** The stored chunk texts, read back so the baseline embeds exactly the same chunks. */
async function chunkTexts(engine: RestClient): Promise<string[]> {
  const texts: string[] = [];
  let offset: unknown = null;
  do {
    const page = await engine.call<{
      points: { payload: { text: string } }[];
      next_page_offset: unknown;
    }>('POST', `/collections/${COLLECTION}/points/scroll`, {
      limit: 1000,
      with_payload: ['text'],
      with_vector: false,
      ...(offset !== null ? { offset } : {}),
    });
    texts.push(...page.points.map((p) => p.payload.text));
    offset = page.next_page_offset ?? null;
  } while (offset !== null);
  return texts;
}

/**
 * Bulk ingestion with glove-sif: documents posted to /api/v1/ingest until every chunk is stored
 * and counted (enqueue to searchable), against the baseline of embedding the same chunks in this
 * process and upserting them to the same vector-engine in batches of 256.
 */
export const ingestThroughput: Bench = {
  name: 'ingest-throughput',
  description:
    'chunks/s enqueue-to-searchable through the sync worker vs embed+upsert in one process',
  async run(context: BenchContext): Promise<BenchOutput> {
    const docs = documents(stsSentences(context.root));
    const encoder = await defaultEncoder(context.root, context.log);
    buildPlatform(context);
    const platform = await startPlatform([...APPS], { EMBEDDING_CACHE_TTL_SECONDS: '0' });
    try {
      const gateway = new RestClient(platform.stack.gatewayUrl, 1, platform.auth);
      await gateway.send(
        'POST',
        '/api/v1/collections',
        JSON.stringify({ name: COLLECTION, model: 'default' }),
      );
      gateway.close();
      context.log(`end to end: ${DOCUMENTS} documents through /api/v1/ingest`);
      const processes = platformProcesses(platform, APPS);
      const { result: e2e, cpuMs: e2eCpu } = await cpuDuring(processes, () =>
        endToEnd(platform, docs),
      );

      const engine = new RestClient(platform.stack.stack.url('vector-engine'));
      const texts = await chunkTexts(engine);
      await engine.call('PUT', `/collections/${BASELINE_COLLECTION}`, {
        vectors: { size: 100, distance: 'Cosine' },
      });
      context.log(`baseline: ${texts.length} chunks embedded and upserted in this process`);
      const engineCpuBefore = processCpuMs(processes['vector-engine']);
      const benchCpuBefore = process.cpuUsage();
      const started = performance.now();
      for (let at = 0; at < texts.length; at += BATCH_SIZE) {
        const points = texts.slice(at, at + BATCH_SIZE).map((text, i) => ({
          id: at + i,
          vector: Array.from(encoder.encode(text)),
          payload: { text },
        }));
        await engine.call('PUT', `/collections/${BASELINE_COLLECTION}/points?wait=true`, {
          points,
        });
      }
      const baselineMs = performance.now() - started;
      const benchCpu = process.cpuUsage(benchCpuBefore);
      const baselineCpu = {
        'this process': (benchCpu.user + benchCpu.system) / 1000,
        'vector-engine': processCpuMs(processes['vector-engine']) - engineCpuBefore,
      };
      engine.close();
      const e2eRate = e2e.chunks / (e2e.ms / 1000);
      const baselineRate = texts.length / (baselineMs / 1000);
      return {
        tables: [
          {
            title: `Bulk ingestion, glove-sif: ${int(DOCUMENTS)} documents, ${int(e2e.chunks)} chunks of <= ${CHUNK_TOKENS} tokens`,
            headers: ['path', 'chunks/s', 'of baseline', 'time'],
            rows: [
              [
                'embed + upsert in this process (baseline)',
                int(baselineRate),
                '100%',
                `${seconds(baselineMs)} s`,
              ],
              [
                `POST /api/v1/ingest, ${REQUESTS_IN_FLIGHT} requests in flight, enqueue to searchable`,
                int(e2eRate),
                percent(e2eRate, baselineRate),
                `${seconds(e2e.ms)} s`,
              ],
            ],
            notes: [
              'End to end: chunking (cl100k tokens), content hashes and read-back of stored chunks, dense and BM25 keyword vectors by the embedding service, upsert by the vector service; every job polled to completion and the stored points counted.',
              'Baseline: dense vectors only, no keyword vectors, no chunking; both write to the same vector-engine on this machine.',
              'Target: >= 1,000 chunks/s end to end.',
            ],
          },
          {
            title: `CPU per 1,000 chunks, every process (/proc): ingestion end to end`,
            headers: ['process', 'CPU ms / 1,000 chunks', 'x vector-engine'],
            rows: cpuTableRows(e2eCpu, e2e.chunks / 1000, 'vector-engine'),
          },
          {
            title: `CPU per 1,000 chunks: the baseline (embedding in this process, same engine)`,
            headers: ['process', 'CPU ms / 1,000 chunks', 'x vector-engine'],
            rows: cpuTableRows(baselineCpu, texts.length / 1000, 'vector-engine'),
          },
        ],
        json: {
          documents: DOCUMENTS,
          chunks: e2e.chunks,
          endToEndChunksPerSecond: e2eRate,
          baselineChunksPerSecond: baselineRate,
          endToEndCpuMs: e2eCpu,
          baselineCpuMs: baselineCpu,
        },
      };
    } finally {
      await platform.stop();
    }
  },
};
