import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeTinyLlama } from '@aip/testing';
import { median } from '../measure/stats';
import { buildPlatform, startPlatform } from '../platform/platform-stack';
import { fixed, int, ms, percent, ratio } from '../report/format';
import type { Bench, BenchContext, BenchOutput } from './context';

type LlamaCpp = typeof import('node-llama-cpp');

/** llama.cpp threads, for the direct baseline and the inference service alike. */
const THREADS = 1;
/** Tokens per throughput request: within the tiny model's 512-token context (no shifting). */
const LONG_TOKENS = 400;
/** Tokens per time-to-first-token request. */
const SHORT_TOKENS = 4;
/** Timed throughput rounds (after one warm-up); the median counts. */
const ROUNDS = 7;
/** Time-to-first-token samples per path. */
const TTFT_SAMPLES = 40;
/** Requests generating at once in the concurrent rows (the model's sequences). */
const CONCURRENT = 4;
const PROMPT = 'hello world';

/** node-llama-cpp in this process: the baseline the platform is measured against. */
async function directRuns(model: string): Promise<{
  single: number;
  concurrent: number;
  ttftMs: number[];
  dispose: () => Promise<void>;
}> {
  const { getLlama, LlamaCompletion, LlamaLogLevel } = (await import('node-llama-cpp')) as LlamaCpp;
  const llama = await getLlama({
    gpu: false,
    build: 'never',
    maxThreads: THREADS,
    logLevel: LlamaLogLevel.warn,
  });
  const loaded = await llama.loadModel({ modelPath: model });
  const context = await loaded.createContext({ sequences: CONCURRENT, threads: THREADS });
  const generate = async (maxTokens: number, onFirst?: () => void): Promise<number> => {
    const sequence = context.getSequence();
    const completion = new LlamaCompletion({ contextSequence: sequence });
    let tokens = 0;
    let first = true;
    await completion.generateCompletion(PROMPT, {
      maxTokens,
      temperature: 0,
      trimWhitespaceSuffix: false,
      onTextChunk: () => {
        if (first) onFirst?.();
        first = false;
      },
      onToken: (t) => (tokens += t.length),
    });
    completion.dispose();
    await sequence.dispose();
    return tokens;
  };
  const rate = async (parallel: number): Promise<number> => {
    const started = performance.now();
    const counts = await Promise.all(Array.from({ length: parallel }, () => generate(LONG_TOKENS)));
    return counts.reduce((a, b) => a + b, 0) / ((performance.now() - started) / 1000);
  };
  await rate(1);
  const single: number[] = [];
  const concurrent: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    single.push(await rate(1));
    concurrent.push(await rate(CONCURRENT));
  }
  const ttftMs: number[] = [];
  for (let i = 0; i < TTFT_SAMPLES; i++) {
    const started = performance.now();
    await generate(SHORT_TOKENS, () => ttftMs.push(performance.now() - started));
  }
  return {
    single: median(single),
    concurrent: median(concurrent),
    ttftMs,
    dispose: async () => {
      await context.dispose();
      await loaded.dispose();
      await llama.dispose();
    },
  };
}

/** One streamed `/api/v1/generate`: its tokens, time to the first event and total time. */
async function streamOnce(
  url: string,
  auth: Record<string, string>,
  maxTokens: number,
): Promise<{ tokens: number; ttftMs: number; totalMs: number }> {
  const started = performance.now();
  const response = await fetch(`${url}/api/v1/generate`, {
    method: 'POST',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ prompt: PROMPT, max_tokens: maxTokens, temperature: 0, stream: true }),
  });
  if (response.status !== 200 || !response.body) {
    throw new Error(`/api/v1/generate answered ${response.status}: ${await response.text()}`);
  }
  let ttftMs = 0;
  let text = '';
  const decoder = new TextDecoder();
  for await (const bytes of response.body) {
    if (ttftMs === 0) ttftMs = performance.now() - started;
    text += decoder.decode(bytes as Uint8Array, { stream: true });
  }
  const done = text.match(/"completion_tokens":(\d+)/);
  if (!done) throw new Error(`stream ended without usage: ${text.slice(-300)}`);
  return { tokens: Number(done[1]), ttftMs, totalMs: performance.now() - started };
}

/**
 * Generation on the tiny test model (random weights, 1 thread): tokens/s streamed through the
 * gateway, NATS and the inference service against node-llama-cpp called in this process on the
 * same model and threads; total tokens/s with 4 requests at once against 1; and the time to
 * first token the platform adds.
 */
export const inferenceStream: Bench = {
  name: 'inference-stream',
  description:
    'tiny GGUF: tokens/s streamed through the gateway vs node-llama-cpp in-process; 4 vs 1; TTFT',
  async run(context: BenchContext): Promise<BenchOutput> {
    const dir = mkdtempSync(join(tmpdir(), 'aip-bench-inference-'));
    const model = join(dir, 'tiny.gguf');
    writeTinyLlama(model);
    try {
      context.log(`direct: node-llama-cpp in this process, ${THREADS} thread`);
      const direct = await directRuns(model);
      await direct.dispose();

      buildPlatform(context);
      const platform = await startPlatform(['inference', 'gateway'], {
        GATEWAY_REQUIRED_SERVICES: 'inference',
        GATEWAY_TOKENS_PER_MINUTE: '100000000',
        INFERENCE_MODEL: model,
        INFERENCE_THREADS: String(THREADS),
        INFERENCE_PARALLEL: String(CONCURRENT),
      });
      const url = platform.stack.gatewayUrl;
      const rate = async (parallel: number): Promise<number> => {
        const started = performance.now();
        const runs = await Promise.all(
          Array.from({ length: parallel }, () => streamOnce(url, platform.auth, LONG_TOKENS)),
        );
        return runs.reduce((a, r) => a + r.tokens, 0) / ((performance.now() - started) / 1000);
      };
      const single: number[] = [];
      const concurrent: number[] = [];
      const ttftMs: number[] = [];
      try {
        context.log('gateway: streamed /api/v1/generate (warm-up, then timed)');
        await rate(1);
        for (let round = 0; round < ROUNDS; round++) {
          single.push(await rate(1));
          concurrent.push(await rate(CONCURRENT));
        }
        for (let i = 0; i < TTFT_SAMPLES; i++) {
          ttftMs.push((await streamOnce(url, platform.auth, SHORT_TOKENS)).ttftMs);
        }
      } finally {
        await platform.stop();
      }
      const gateway = { single: median(single), concurrent: median(concurrent) };
      const ttft = { direct: median(direct.ttftMs), gateway: median(ttftMs) };
      const added = ttft.gateway - ttft.direct;
      return {
        tables: [
          {
            title: `Streaming generation, tiny GGUF, ${THREADS} thread, ${LONG_TOKENS} tokens per request (median of ${ROUNDS})`,
            headers: [
              'path',
              '1 request tok/s',
              `${CONCURRENT} at once tok/s`,
              `${CONCURRENT} vs 1`,
            ],
            rows: [
              [
                'node-llama-cpp in this process (baseline)',
                int(direct.single),
                int(direct.concurrent),
                ratio(direct.concurrent, direct.single),
              ],
              [
                'gateway SSE /api/v1/generate',
                `${int(gateway.single)} (${percent(gateway.single, direct.single)})`,
                `${int(gateway.concurrent)} (${percent(gateway.concurrent, direct.concurrent)})`,
                ratio(gateway.concurrent, gateway.single),
              ],
            ],
            notes: [
              'Targets: gateway >= 80% of direct tokens/s; 4 at once >= 1.5x of 1.',
              'The gateway, NATS, the inference service and this client share the machine.',
            ],
          },
          {
            title: `Time to first token, p50 of ${TTFT_SAMPLES} requests of ${SHORT_TOKENS} tokens`,
            headers: ['path', 'p50', 'added by the platform'],
            rows: [
              ['node-llama-cpp in this process (baseline)', ms(ttft.direct), ''],
              [
                'gateway SSE /api/v1/generate (HTTP, auth, NATS, queue)',
                ms(ttft.gateway),
                ms(added),
              ],
            ],
            notes: ['Target: added p50 <= 10 ms.'],
          },
        ],
        json: {
          threads: THREADS,
          tokensPerRequest: LONG_TOKENS,
          direct: { single: direct.single, concurrent: direct.concurrent, ttftP50Ms: ttft.direct },
          gateway: {
            single: gateway.single,
            concurrent: gateway.concurrent,
            ttftP50Ms: ttft.gateway,
          },
          streamedShareOfDirect: gateway.single / direct.single,
          concurrentSpeedup: gateway.concurrent / gateway.single,
          ttftAddedP50Ms: Number(fixed(added, 2)),
        },
      };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
