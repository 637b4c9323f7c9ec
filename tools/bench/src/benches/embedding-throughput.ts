import { stsSentences } from '../data/sts';
import { RestClient } from '../engine/rest-client';
import { concurrentLoad } from '../measure/concurrent-load';
import { defaultEncoder, ENCODE_ROUNDS, encodeRate } from '../measure/encode-rate';
import type { LatencySummary } from '../measure/stats';
import { buildPlatform, startPlatform } from '../platform/platform-stack';
import { int, ms, percent } from '../report/format';
import type { Bench, BenchContext, BenchOutput } from './context';

/** Texts per `/v1/embeddings` request, as the issue asks. */
const BATCH = 64;
/** Requests in flight at once through the gateway (one client alone leaves the pipeline idle). */
const CONCURRENCY = [1, 4];

interface GatewayRun {
  label: string;
  concurrency: number;
  encoding: 'float' | 'base64';
  summary: LatencySummary;
  sentencesPerSecond: number;
}

/**
 * Throughput of the offline embedding model (glove-sif, uSIF): encoded in this process on one
 * core (the baseline), against the OpenAI-compatible `/v1/embeddings` through the gateway,
 * NATS and the embedding service, in batches of 64 distinct sentences with the embedding
 * cache off (EMBEDDING_CACHE_TTL_SECONDS=0), so every text is computed.
 */
export const embeddingThroughput: Bench = {
  name: 'embedding-throughput',
  description:
    'glove-sif sentences/s in-process vs /v1/embeddings through the gateway (batches of 64)',
  async run(context: BenchContext): Promise<BenchOutput> {
    const sentences = stsSentences(context.root);
    const encoder = await defaultEncoder(context.root, context.log);
    context.log(`in-process: ${sentences.length} sentences x ${ENCODE_ROUNDS + 1} passes`);
    const inProcess = encodeRate(encoder, sentences);

    buildPlatform(context);
    const platform = await startPlatform(['embedding', 'gateway'], {
      GATEWAY_REQUIRED_SERVICES: 'embedding',
      EMBEDDING_CACHE_TTL_SECONDS: '0',
    });
    const batches: string[] = [];
    for (let start = 0; start + BATCH <= sentences.length; start += BATCH)
      batches.push(
        JSON.stringify({ input: sentences.slice(start, start + BATCH), model: 'default' }),
      );
    const runs: GatewayRun[] = [];
    try {
      for (const encoding of ['float', 'base64'] as const) {
        for (const concurrency of CONCURRENCY) {
          if (encoding === 'base64' && concurrency === 1) continue;
          const client = new RestClient(platform.stack.gatewayUrl, concurrency, platform.auth);
          const bodies =
            encoding === 'float'
              ? batches
              : batches.map((body) => body.replace(/}$/, ',"encoding_format":"base64"}'));
          const send = async (index: number): Promise<void> => {
            const response = await client.send(
              'POST',
              '/v1/embeddings',
              bodies[index % bodies.length],
            );
            if (response.status !== 200)
              throw new Error(
                `/v1/embeddings answered ${response.status}: ${response.text.slice(0, 300)}`,
              );
          };
          context.log(`gateway: ${encoding}, ${concurrency} in flight (warm-up, then timed)`);
          await concurrentLoad(Math.min(20, bodies.length), concurrency, send);
          const summary = await concurrentLoad(bodies.length, concurrency, send);
          client.close();
          runs.push({
            label: `gateway /v1/embeddings, ${encoding}, ${concurrency} in flight`,
            concurrency,
            encoding,
            summary,
            sentencesPerSecond: summary.qps * BATCH,
          });
        }
      }
    } finally {
      await platform.stop();
    }
    return {
      tables: [
        {
          title: `glove-sif (uSIF) on ${int(sentences.length)} distinct STS sentences`,
          headers: ['path', 'sentences/s', 'of in-process', 'request p50', 'request p99'],
          rows: [
            ['in this process, one core (baseline)', int(inProcess), '100%', '', ''],
            ...runs.map((run) => [
              run.label,
              int(run.sentencesPerSecond),
              percent(run.sentencesPerSecond, inProcess),
              ms(run.summary.p50Ms),
              ms(run.summary.p99Ms),
            ]),
          ],
          notes: [
            `Gateway rows: ${batches.length} requests of ${BATCH} sentences each, embedding cache off; ` +
              'the gateway, the embedding service and this client share the machine.',
            'Targets: in-process >= 100,000 sentences/s; through the gateway >= 25% of in-process.',
          ],
        },
      ],
      json: {
        sentences: sentences.length,
        inProcessSentencesPerSecond: inProcess,
        gateway: runs.map((run) => ({
          concurrency: run.concurrency,
          encoding: run.encoding,
          sentencesPerSecond: run.sentencesPerSecond,
          shareOfInProcess: run.sentencesPerSecond / inProcess,
          p50Ms: run.summary.p50Ms,
          p99Ms: run.summary.p99Ms,
        })),
      },
    };
  },
};
