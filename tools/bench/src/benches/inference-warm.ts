import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeTinyLlama } from '@aip/testing';
import { median } from '../measure/stats';
import { buildPlatform, startPlatform, type BenchPlatform } from '../platform/platform-stack';
import { int, ms, ratio } from '../report/format';
import type { Bench, BenchContext, BenchOutput } from './context';

/** A larger random-weight model than the tests', so that evaluating a prompt costs real time. */
const MODEL = { contextLength: 4096, embeddingLength: 256, blockCount: 4, headCount: 4 };
const THREADS = 2;
/** Conversations measured; each is new to the service when its first turn is sent. */
const CONVERSATIONS = 8;
/** About 1,500 prompt tokens of history with this vocabulary (two tokens a repeat). */
const HISTORY_REPEATS = 740;
const REPLY_TOKENS = 8;

interface Turn {
  ttftMs: number;
  text: string;
  promptTokens: number;
}

type Message = { role: 'user' | 'assistant'; content: string };

/** One streamed `/api/v1/chat`: time to the first text event, the text and the usage. */
async function chatOnce(platform: BenchPlatform, messages: Message[]): Promise<Turn> {
  const started = performance.now();
  const response = await fetch(`${platform.stack.gatewayUrl}/api/v1/chat`, {
    method: 'POST',
    headers: { ...platform.auth, 'content-type': 'application/json' },
    body: JSON.stringify({
      messages,
      max_tokens: REPLY_TOKENS,
      temperature: 0,
      seed: 1,
      stream: true,
    }),
  });
  if (response.status !== 200 || !response.body)
    throw new Error(`/api/v1/chat answered ${response.status}: ${await response.text()}`);
  let ttftMs = 0;
  let text = '';
  let promptTokens = 0;
  let buffered = '';
  const decoder = new TextDecoder();
  for await (const bytes of response.body) {
    buffered += decoder.decode(bytes as Uint8Array, { stream: true });
    const events = buffered.split('\n\n');
    buffered = events.pop() ?? '';
    for (const event of events.filter((e) => e.startsWith('data: '))) {
      const data = JSON.parse(event.slice(6)) as {
        type: string;
        text?: string;
        usage?: { prompt_tokens: number };
      };
      if (data.type === 'text') {
        if (ttftMs === 0) ttftMs = performance.now() - started;
        text += data.text ?? '';
      } else if (data.type === 'done') promptTokens = data.usage?.prompt_tokens ?? 0;
    }
  }
  return { ttftMs, text, promptTokens };
}

async function promptTokenCounts(platform: BenchPlatform): Promise<Record<string, number>> {
  const metrics = await (await fetch(`${platform.stack.stack.url('inference')}/metrics`)).text();
  const counts: Record<string, number> = { reused: 0, evaluated: 0 };
  for (const match of metrics.matchAll(
    /aip_inference_prompt_tokens_total\{[^}]*cache="(\w+)"\} (\d+)/g,
  ))
    counts[match[1]] += Number(match[2]);
  return counts;
}

/**
 * A chat's second turn over a ~1,500-token history against its first turn, through the
 * gateway: with warm sequences the second turn evaluates only the reply and the new message.
 * The same second turn sent cold (its sequence taken by other conversations) must give the
 * same text. The baseline is the first turn of the same conversations in the same run.
 */
export const inferenceWarm: Bench = {
  name: 'inference-warm',
  description: "chat's second turn over a 1,500-token history vs its first turn: TTFT, hit rate",
  async run(context: BenchContext): Promise<BenchOutput> {
    const dir = mkdtempSync(join(tmpdir(), 'aip-bench-warm-'));
    const model = join(dir, 'warm.gguf');
    writeTinyLlama(model, MODEL);
    buildPlatform(context);
    const platform = await startPlatform(['inference', 'gateway'], {
      GATEWAY_REQUIRED_SERVICES: 'inference',
      GATEWAY_TOKENS_PER_MINUTE: '100000000',
      INFERENCE_MODELS: JSON.stringify({ default: { model, parallel: 2, contextSize: 4096 } }),
      INFERENCE_THREADS: String(THREADS),
    });
    try {
      const first: Turn[] = [];
      const second: Turn[] = [];
      const cold: Turn[] = [];
      const before = await promptTokenCounts(platform);
      for (let i = 0; i < CONVERSATIONS; i++) {
        context.log(`conversation ${i + 1}/${CONVERSATIONS}`);
        const history: Message[] = [
          { role: 'user', content: `${i} ${'hello world '.repeat(HISTORY_REPEATS)}` },
        ];
        first.push(await chatOnce(platform, history));
        history.push(
          { role: 'assistant', content: first[i].text },
          { role: 'user', content: 'and the question' },
        );
        second.push(await chatOnce(platform, history));
        // Two other conversations take both sequences; the same turn then starts cold.
        await chatOnce(platform, [{ role: 'user', content: `other ${i} a` }]);
        await chatOnce(platform, [{ role: 'user', content: `other ${i} b` }]);
        cold.push(await chatOnce(platform, history));
      }
      const after = await promptTokenCounts(platform);
      const reused = after.reused - before.reused;
      const evaluated = after.evaluated - before.evaluated;
      const ttft = {
        first: median(first.map((t) => t.ttftMs)),
        second: median(second.map((t) => t.ttftMs)),
        cold: median(cold.map((t) => t.ttftMs)),
      };
      const identical = second.every((turn, i) => turn.text === cold[i].text);
      return {
        tables: [
          {
            title: `Warm prompts: time to first token, median of ${CONVERSATIONS} conversations (~${int(median(first.map((t) => t.promptTokens)))}-token history, ${THREADS} threads)`,
            headers: ['turn', 'prompt tokens', 'TTFT p50', 'vs first turn'],
            rows: [
              [
                'first turn, cold (baseline)',
                int(median(first.map((t) => t.promptTokens))),
                ms(ttft.first),
                '1.00x',
              ],
              [
                'second turn, warm sequence',
                int(median(second.map((t) => t.promptTokens))),
                ms(ttft.second),
                ratio(ttft.second, ttft.first),
              ],
              [
                'same second turn, cold',
                int(median(cold.map((t) => t.promptTokens))),
                ms(ttft.cold),
                ratio(ttft.cold, ttft.first),
              ],
            ],
            notes: [
              `Prompt tokens reused from warm sequences in this run: ${int(reused)} of ${int(reused + evaluated)} (${((reused / (reused + evaluated)) * 100).toFixed(0)}%, aip_inference_prompt_tokens_total).`,
              `Warm and cold second turns gave identical text (seed 1, greedy): ${identical ? 'yes' : 'NO'}.`,
              'Target: warm second turn TTFT <= 0.25x the first turn.',
            ],
          },
        ],
        json: {
          ttftFirstMs: ttft.first,
          ttftSecondWarmMs: ttft.second,
          ttftSecondColdMs: ttft.cold,
          warmVsFirst: ttft.second / ttft.first,
          promptTokensReused: reused,
          promptTokensEvaluated: evaluated,
          identicalOutput: identical,
        },
      };
    } finally {
      await platform.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
