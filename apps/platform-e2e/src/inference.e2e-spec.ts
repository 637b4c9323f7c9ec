import OpenAI from 'openai';
import { startTestStack, TestNatsServer, type TestStack } from '@aip/testing';
import { httpJson, type ErrorBodyShape } from './http';
import { startTinyLlamaStack } from './tiny-llama-stack';

interface Generated {
  model: string;
  text: string;
  finish_reason: 'stop' | 'length';
  usage: { prompt_tokens: number; completion_tokens: number; total_tokens: number };
}
type StreamEvent =
  | { type: 'text'; text: string }
  | ({ type: 'done' } & Omit<Generated, 'text'>)
  | { error: { code: string } };

/**
 * The tiny model's context: long generations run past it (node-llama-cpp shifts the context),
 * at a few hundred tokens a second on one thread: seconds, long enough to cancel or queue behind.
 */
const LONG_MAX_TOKENS = 4000;
/** A generation that is over in milliseconds. */
const SHORT_MAX_TOKENS = 8;
/** The service's time limit per generation in this test; LONGEST_MAX_TOKENS take far longer. */
const REQUEST_TIMEOUT_MS = 5000;
const LONGEST_MAX_TOKENS = 16_000;
/** A key's generated-tokens-per-minute limit in the token limit test. */
const KEY_TOKENS_PER_MINUTE = 10;
/** How long a request may take when the one before it was cancelled rather than finished. */
const PROMPT_AFTER_CANCEL_MS = 2000;

/**
 * Two models on one tiny GGUF the test writes: `default` decodes 4 sequences together,
 * `single` one, with a queue of one request, so that its busy state is easy to reach.
 */
describe('inference: generation, streaming, concurrency, cancellation and the OpenAI API (processes, real NATS and Redis)', () => {
  let platform: TestStack;
  let empty: TestStack;
  let emptyBus: TestNatsServer;
  const call = <T>(stack: TestStack, path: string, body: unknown) =>
    httpJson<T>(`${stack.gatewayUrl}${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${stack.adminKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  const generate = (body: Record<string, unknown>) =>
    call<Generated>(platform, '/api/v1/generate', { temperature: 0, ...body });

  /** Opens a streamed generation; resolves with its response once the headers are in. */
  const openStream = (body: Record<string, unknown>, signal?: AbortSignal) =>
    fetch(`${platform.gatewayUrl}/api/v1/generate`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${platform.adminKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ temperature: 0, ...body, stream: true }),
      signal,
    });

  /** Every `data:` event of a server-sent event body, in order. */
  const readEvents = async (response: Response): Promise<string[]> => {
    const text = await response.text();
    return text
      .split('\n\n')
      .filter((block) => block.startsWith('data: '))
      .map((block) => block.slice('data: '.length));
  };

  beforeAll(async () => {
    // A bus of its own, so that the model-less inference service does not answer the other.
    emptyBus = await TestNatsServer.start();
    [platform, empty] = await Promise.all([
      startTinyLlamaStack({
        models: { default: { parallel: 4 }, single: { parallel: 1 } },
        env: {
          INFERENCE_QUEUE_MAX: '1',
          INFERENCE_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
        },
      }),
      startTestStack({
        natsUrl: emptyBus.url,
        apps: ['inference', 'gateway'],
        env: { GATEWAY_REQUIRED_SERVICES: 'inference', INFERENCE_THREADS: '1' },
      }),
    ]);
  }, 180_000);

  afterAll(async () => {
    await Promise.all([platform?.stop(), empty?.stop()]);
    await emptyBus?.stop();
  }, 30_000);

  it('generates exactly max_tokens tokens and reports finish_reason length with the usage', async () => {
    for (const maxTokens of [1, 7, 64]) {
      const { status, body } = await generate({ prompt: 'hello world', max_tokens: maxTokens });
      expect(status).toBe(200);
      expect(body).toMatchObject({ model: 'default', finish_reason: 'length' });
      expect(body.usage.completion_tokens).toBe(maxTokens);
      expect(body.usage.prompt_tokens).toBeGreaterThan(0);
      expect(body.usage.total_tokens).toBe(body.usage.prompt_tokens + maxTokens);
    }
  });

  it('stops before a stop string, leaves it out and reports finish_reason stop', async () => {
    const full = await generate({ prompt: 'hello world', max_tokens: 40 });
    const stop = 'question';
    expect(full.body.text.indexOf(stop)).toBeGreaterThan(0);
    const stopped = await generate({ prompt: 'hello world', max_tokens: 40, stop: [stop, 'zzz'] });
    expect(stopped.body.finish_reason).toBe('stop');
    // The text up to the stop string (a space in the same token as the stop string goes too).
    const before = full.body.text.slice(0, full.body.text.indexOf(stop));
    expect([before, before.trimEnd()]).toContain(stopped.body.text);
    expect(stopped.body.usage.completion_tokens).toBeLessThan(40);
  });

  it('streams chunks in order that join to the text of the same greedy request unstreamed', async () => {
    const body = { prompt: 'the question of the day', max_tokens: 200, seed: 7 };
    const whole = await generate(body);
    const events = (await readEvents(await openStream(body))).map(
      (data) => JSON.parse(data) as StreamEvent,
    );
    const last = events.at(-1);
    expect(last).toMatchObject({ type: 'done', finish_reason: 'length', usage: whole.body.usage });
    const texts = events.slice(0, -1).map((e) => (e as { type: 'text'; text: string }).text);
    expect(texts.length).toBeGreaterThan(1);
    expect(texts.join('')).toBe(whole.body.text);
  });

  it('gives 4 concurrent greedy requests exactly the single-request output', async () => {
    // Batched decoding sums in another order than one sequence alone, so on a random-weight
    // model a near tie between two tokens can flip after ~100 tokens; 48 stay clear of that
    // while any mixing of sequences would show at once.
    const body = { prompt: 'hello world', max_tokens: 48 };
    const alone = await generate(body);
    const together = await Promise.all([1, 2, 3, 4].map(() => generate(body)));
    for (const reply of together) expect(reply.body.text).toBe(alone.body.text);
    const batch = await call<{ results: Generated[] }>(platform, '/api/v1/generate/batch', {
      prompts: ['hello world', 'hello world'],
      max_tokens: 48,
      temperature: 0,
    });
    expect(batch.body.results.map((r) => r.text)).toEqual([alone.body.text, alone.body.text]);
  });

  it('frees the sequence when the client disconnects: the next request on a one-sequence model runs at once', async () => {
    const controller = new AbortController();
    const response = await openStream(
      { model: 'single', prompt: 'hello', max_tokens: LONG_MAX_TOKENS },
      controller.signal,
    );
    const reader = response.body!.getReader();
    await reader.read();
    controller.abort();
    const started = Date.now();
    const next = await generate({ model: 'single', prompt: 'hi', max_tokens: SHORT_MAX_TOKENS });
    expect(next.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(PROMPT_AFTER_CANCEL_MS);
  });

  it("keeps a chat warm: the next turn reuses the earlier turns' tokens, with the output a cold sequence gives", async () => {
    const openai = new OpenAI({ baseURL: `${platform.gatewayUrl}/v1`, apiKey: platform.adminKey });
    const reusedTokens = async (): Promise<number> => {
      const metrics = await (await fetch(`${platform.stack.url('inference')}/metrics`)).text();
      const line = /aip_inference_prompt_tokens_total\{model="single",cache="reused"\} (\d+)/.exec(
        metrics,
      );
      return line ? Number(line[1]) : 0;
    };
    const ask = (messages: { role: 'user' | 'assistant'; content: string }[]) =>
      openai.chat.completions.create({
        model: 'single',
        messages,
        max_tokens: SHORT_MAX_TOKENS,
        temperature: 0,
        seed: 3,
      });
    const history: { role: 'user' | 'assistant'; content: string }[] = [
      { role: 'user', content: 'hello world the question of the day '.repeat(6) },
    ];
    const first = await ask(history);
    history.push(
      { role: 'assistant', content: first.choices[0].message.content ?? '' },
      { role: 'user', content: 'and the answer' },
    );
    const before = await reusedTokens();
    const warm = await ask(history);
    const reused = (await reusedTokens()) - before;
    // Everything up to the end of the first reply was already in the sequence.
    expect(reused).toBeGreaterThanOrEqual(first.usage!.prompt_tokens);
    expect(warm.usage!.prompt_tokens).toBeGreaterThan(first.usage!.prompt_tokens);

    // Another conversation takes the model's only sequence; the same turn again starts cold.
    await ask([{ role: 'user', content: 'something else entirely' }]);
    const beforeCold = await reusedTokens();
    const cold = await ask(history);
    expect((await reusedTokens()) - beforeCold).toBeLessThan(first.usage!.prompt_tokens);
    expect(cold.choices[0].message.content).toBe(warm.choices[0].message.content);
    expect(cold.usage).toEqual(warm.usage);
  });

  it('answers 429 with Retry-After when the model is busy and its queue is full', async () => {
    const controller = new AbortController();
    const running = await openStream(
      { model: 'single', prompt: 'hello', max_tokens: LONG_MAX_TOKENS },
      controller.signal,
    );
    // Held until the end: a response no longer referenced may be collected, which disconnects.
    const runningReader = running.body!.getReader();
    await runningReader.read();
    const queued = generate({ model: 'single', prompt: 'hi', max_tokens: SHORT_MAX_TOKENS });
    // The queued request must reach the service before the one that is refused.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const refused = await call<ErrorBodyShape>(platform, '/api/v1/generate', {
      model: 'single',
      prompt: 'hi',
      max_tokens: SHORT_MAX_TOKENS,
    });
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('RATE_LIMITED');
    expect(refused.body.error.message).toContain('queued (limit 1)');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    controller.abort();
    await runningReader.closed.catch(() => undefined);
    expect((await queued).status).toBe(200);
  });

  it('stops a generation at the time limit with 504 and frees its sequence', async () => {
    const started = Date.now();
    const slow = await generate({ model: 'single', prompt: 'hi', max_tokens: LONGEST_MAX_TOKENS });
    expect(slow.status).toBe(504);
    expect((slow.body as unknown as ErrorBodyShape).error.message).toContain(
      `limit of ${REQUEST_TIMEOUT_MS} ms`,
    );
    expect(Date.now() - started).toBeLessThan(REQUEST_TIMEOUT_MS + PROMPT_AFTER_CANCEL_MS);
    const next = await generate({ model: 'single', prompt: 'hi', max_tokens: SHORT_MAX_TOKENS });
    expect(next.status).toBe(200);
  }, 30_000);

  it("holds what a request may generate against the key's tokens-per-minute limit, batches as a whole", async () => {
    const created = await call<{ key: string }>(platform, '/api/v1/admin/keys', {
      role: 'reader',
      rate_limit: { tokens_per_minute: KEY_TOKENS_PER_MINUTE },
    });
    expect(created.status).toBe(201);
    const asKey = (path: string, body: Record<string, unknown>) =>
      httpJson<ErrorBodyShape>(`${platform.gatewayUrl}${path}`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${created.body.key}`,
          'Content-Type': 'application/json',
        },
        body: JSON.stringify(body),
      });
    // More than the whole budget can never run: refused before anything is generated.
    const tooLong = await asKey('/api/v1/generate', {
      prompt: 'hi',
      max_tokens: 3 * KEY_TOKENS_PER_MINUTE,
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.message).toBe(
      `max_tokens asks for ${3 * KEY_TOKENS_PER_MINUTE} tokens in all; this key may generate at most ${KEY_TOKENS_PER_MINUTE} per minute`,
    );
    // A batch whose prompts each fit but together do not is refused as a whole.
    const batch = await asKey('/api/v1/generate/batch', {
      prompts: Array.from({ length: 8 }, (_, i) => `prompt ${i}`),
      max_tokens: KEY_TOKENS_PER_MINUTE / 2,
    });
    expect(batch.status).toBe(400);
    expect(batch.body.error.message).toContain(`asks for ${4 * KEY_TOKENS_PER_MINUTE} tokens`);
    // The whole budget fits once; while it is held or spent, the next request waits.
    expect(
      (await asKey('/api/v1/generate', { prompt: 'hi', max_tokens: KEY_TOKENS_PER_MINUTE })).status,
    ).toBe(200);
    const refused = await asKey('/api/v1/generate', {
      prompt: 'hi',
      max_tokens: KEY_TOKENS_PER_MINUTE,
    });
    expect(refused.status).toBe(429);
    expect(refused.body.error.message).toContain(
      `Generation limit of ${KEY_TOKENS_PER_MINUTE} tokens per minute`,
    );
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('works with the official openai client: chat (streamed and not), completions, models, embeddings', async () => {
    const openai = new OpenAI({ baseURL: `${platform.gatewayUrl}/v1`, apiKey: platform.adminKey });
    const messages = [{ role: 'user' as const, content: 'hello there' }];
    const chat = await openai.chat.completions.create({
      model: 'default',
      messages,
      max_tokens: 12,
      temperature: 0,
    });
    expect(chat.choices[0].finish_reason).toBe('length');
    expect(chat.usage?.completion_tokens).toBe(12);
    const stream = await openai.chat.completions.create({
      model: 'default',
      messages,
      max_tokens: 12,
      temperature: 0,
      stream: true,
      stream_options: { include_usage: true },
    });
    let streamed = '';
    let finish: string | null = null;
    let usage: OpenAI.CompletionUsage | null | undefined;
    for await (const chunk of stream) {
      streamed += chunk.choices[0]?.delta.content ?? '';
      finish = chunk.choices[0]?.finish_reason ?? finish;
      usage = chunk.usage ?? usage;
    }
    expect(streamed).toBe(chat.choices[0].message.content);
    expect(finish).toBe('length');
    expect(usage?.completion_tokens).toBe(12);

    const completion = await openai.completions.create({
      model: 'default',
      prompt: 'hello world',
      max_tokens: 5,
      temperature: 0,
    });
    const native = await generate({ prompt: 'hello world', max_tokens: 5 });
    expect(completion.choices[0].text).toBe(native.body.text);
    expect(completion.usage?.completion_tokens).toBe(5);

    const models = await openai.models.list();
    expect(models.data.map((m) => m.id)).toEqual(['default', 'single']);
    const embeddings = await openai.embeddings.create({ model: 'default', input: ['hello'] });
    expect(embeddings.data[0].embedding.length).toBeGreaterThan(0);
  });

  it('follows a JSON schema given as response_format', async () => {
    const openai = new OpenAI({ baseURL: `${platform.gatewayUrl}/v1`, apiKey: platform.adminKey });
    const schema = {
      type: 'object',
      properties: { answer: { enum: ['yes', 'no'] }, sure: { type: 'boolean' } },
    };
    const reply = await openai.chat.completions.create({
      model: 'default',
      messages: [{ role: 'user', content: 'is it?' }],
      max_tokens: 60,
      temperature: 0,
      response_format: { type: 'json_schema', json_schema: { name: 'verdict', schema } },
    });
    const parsed = JSON.parse(reply.choices[0].message.content ?? '') as Record<string, unknown>;
    expect(['yes', 'no']).toContain(parsed['answer']);
    expect(typeof parsed['sure']).toBe('boolean');
    expect(reply.choices[0].finish_reason).toBe('stop');
  });

  it('rejects bad input with a 400 naming the field and the limit', async () => {
    const tooMany = await call<ErrorBodyShape>(platform, '/api/v1/generate', {
      prompt: 'hi',
      max_tokens: 1_000_000,
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toContain('max_tokens must be at most 16384');
    const unknown = await generate({ prompt: 'hi', max_tokens: 4, model: 'nope' });
    expect(unknown.status).toBe(404);
  });

  it('lists the models with context size and state, and answers 503 with a hint when none is configured', async () => {
    const listed = await httpJson<{ models: Record<string, unknown>[] }>(
      `${platform.gatewayUrl}/api/v1/models`,
      { headers: { Authorization: `Bearer ${platform.adminKey}` } },
    );
    expect(listed.body.models).toEqual([
      expect.objectContaining({ name: 'default', context_size: 512, parallel: 4, state: 'ready' }),
      expect.objectContaining({ name: 'single', context_size: 512, parallel: 1, state: 'ready' }),
    ]);
    const none = await call<ErrorBodyShape>(empty, '/api/v1/generate', {
      prompt: 'hi',
      max_tokens: 4,
    });
    expect(none.status).toBe(503);
    expect(none.body.error.code).toBe('MODEL_NOT_LOADED');
    expect(none.body.error.message).toContain('INFERENCE_MODEL=');
    expect(none.body.error.message).toContain('npm run model:tiny');
  });
});
