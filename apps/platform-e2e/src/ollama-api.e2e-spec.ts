import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ollama, type ChatResponse, type GenerateResponse } from 'ollama';
import { startTestStack, writeTinyLlama, type TestStack } from '@aip/testing';
import { httpJson } from './http';

/** Longer than the tiny model takes to be cancelled: seconds of decoding on one thread. */
const LONG_NUM_PREDICT = 4000;
/** How long a request may take when the one before it on the one sequence was cancelled. */
const PROMPT_AFTER_CANCEL_MS = 2000;
/** A key's generated-tokens-per-minute limit in the budget test. */
const KEY_TOKENS_PER_MINUTE = 10;

const greedy = (numPredict: number) => ({ temperature: 0, num_predict: numPredict });

/** The Ollama counts and durations a finished reply carries, as a client reads them. */
function expectStats(reply: ChatResponse | GenerateResponse, evalCount: number): void {
  expect(reply.done).toBe(true);
  expect(reply.eval_count).toBe(evalCount);
  expect(reply.prompt_eval_count).toBeGreaterThan(0);
  for (const duration of [reply.prompt_eval_duration, reply.eval_duration, reply.load_duration])
    expect(Number.isInteger(duration) && duration >= 0).toBe(true);
  // Nanoseconds: a generation here takes well over a microsecond and under a minute.
  expect(reply.total_duration).toBeGreaterThan(1_000);
  expect(reply.total_duration).toBeLessThan(60e9);
  expect(reply.total_duration).toBeGreaterThanOrEqual(
    reply.prompt_eval_duration + reply.eval_duration,
  );
}

/**
 * The Ollama API of the gateway through the official `ollama` client: a tiny GGUF the test
 * writes serves as `tiny` (one sequence, so a cancelled stream shows in the next request's
 * wait), beside the embedding service's default model.
 */
describe('Ollama API through the ollama client (processes, real NATS and Redis)', () => {
  let platform: TestStack;
  let ollama: Ollama;
  const modelDir = mkdtempSync(join(tmpdir(), 'aip-ollama-'));
  const asAdmin = (path: string, body: unknown) =>
    httpJson<Record<string, unknown>>(`${platform.gatewayUrl}${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${platform.adminKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    const model = join(modelDir, 'tiny.gguf');
    writeTinyLlama(model);
    platform = await startTestStack({
      apps: ['embedding', 'inference', 'gateway'],
      env: {
        GATEWAY_REQUIRED_SERVICES: 'inference,embedding',
        INFERENCE_THREADS: '1',
        INFERENCE_MODELS: JSON.stringify({ tiny: { model, parallel: 1 } }),
      },
    });
    ollama = new Ollama({
      host: platform.gatewayUrl,
      headers: { Authorization: `Bearer ${platform.adminKey}` },
    });
  }, 180_000);

  afterAll(async () => {
    await platform?.stop();
    rmSync(modelDir, { recursive: true, force: true });
  }, 30_000);

  it('chats, streamed and not: the same greedy text, then done with the reason, counts and timings', async () => {
    const request = {
      model: 'tiny:latest',
      messages: [{ role: 'user', content: 'hello there' }],
      options: greedy(12),
    };
    const whole = await ollama.chat({ ...request, stream: false });
    expect(whole.model).toBe('tiny:latest');
    expect(whole.message.role).toBe('assistant');
    expect(whole.message.content.length).toBeGreaterThan(0);
    expect(whole.done_reason).toBe('length');
    expectStats(whole, 12);

    const parts: ChatResponse[] = [];
    for await (const part of await ollama.chat({ ...request, stream: true })) parts.push(part);
    const last = parts.at(-1)!;
    expect(parts.slice(0, -1).every((p) => !p.done && p.message.role === 'assistant')).toBe(true);
    expect(parts.length).toBeGreaterThanOrEqual(2);
    expect(parts.map((p) => p.message.content).join('')).toBe(whole.message.content);
    expect(last.done_reason).toBe('length');
    expectStats(last, 12);
  });

  it("generates through the model's template, and with raw continues the prompt as the platform's /api/v1/generate does", async () => {
    const prompt = 'the question of the day';
    const raw = await ollama.generate({ model: 'tiny', prompt, raw: true, options: greedy(8) });
    const native = await asAdmin('/api/v1/generate', { prompt, max_tokens: 8, temperature: 0 });
    expect(raw.response).toBe(native.body['text']);
    expect(raw.done_reason).toBe('length');
    expectStats(raw, 8);

    const templated = await ollama.generate({ model: 'tiny', prompt, options: greedy(8) });
    const chat = await asAdmin('/api/v1/chat', {
      messages: [{ role: 'user', content: prompt }],
      max_tokens: 8,
      temperature: 0,
    });
    expect(templated.response).toBe(chat.body['text']);

    let streamed = '';
    let last: GenerateResponse | undefined;
    const stream = await ollama.generate({
      model: 'tiny',
      prompt,
      raw: true,
      stream: true,
      options: greedy(8),
    });
    for await (const part of stream) {
      streamed += part.response ?? '';
      last = part;
    }
    expect(streamed).toBe(raw.response);
    expectStats(last!, 8);
  });

  it('maps stop and format onto the generation: stops before the stop string, follows a JSON schema', async () => {
    const prompt = 'hello world';
    const full = (await ollama.generate({ model: 'tiny', prompt, raw: true, options: greedy(40) }))
      .response!;
    // A word the tiny model's greedy continuation of this prompt is known to hold.
    const stop = 'question';
    expect(full.indexOf(stop)).toBeGreaterThan(0);
    const stopped = await ollama.generate({
      model: 'tiny',
      prompt,
      raw: true,
      options: { ...greedy(40), stop: [stop] },
    });
    expect(stopped.done_reason).toBe('stop');
    const before = full.slice(0, full.indexOf(stop));
    // The text up to the stop string (a space in the same token as the stop string goes too).
    expect([before, before.trimEnd()]).toContain(stopped.response);

    const schema = {
      type: 'object',
      properties: { answer: { enum: ['yes', 'no'] }, sure: { type: 'boolean' } },
    };
    const reply = await ollama.chat({
      model: 'tiny',
      messages: [{ role: 'user', content: 'is it?' }],
      format: schema,
      options: greedy(60),
    });
    const parsed = JSON.parse(reply.message.content) as Record<string, unknown>;
    expect(['yes', 'no']).toContain(parsed['answer']);
    expect(typeof parsed['sure']).toBe('boolean');
  });

  it('streams by default, as Ollama does: NDJSON, one object a line, the last one done', async () => {
    const response = await fetch(`${platform.gatewayUrl}/api/chat`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${platform.adminKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        model: 'tiny',
        messages: [{ role: 'user', content: 'hi' }],
        options: greedy(6),
      }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/x-ndjson');
    const text = await response.text();
    expect(text.endsWith('\n')).toBe(true);
    const lines = text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines.map((l) => l['done'])).toEqual([...lines.slice(1).map(() => false), true]);
    expect(lines.at(-1)).toMatchObject({ done_reason: 'length', eval_count: 6 });
  });

  it('only reports the model loaded for an empty prompt, as Ollama does', async () => {
    const loaded = await ollama.generate({ model: 'tiny', prompt: '' });
    expect(loaded).toMatchObject({ model: 'tiny', done: true, done_reason: 'load', response: '' });
  });

  it('cancels the generation when the client aborts the stream: the one-sequence model answers the next request at once', async () => {
    const stream = await ollama.generate({
      model: 'tiny',
      prompt: 'hello',
      raw: true,
      stream: true,
      options: { num_predict: LONG_NUM_PREDICT },
    });
    const first = await stream[Symbol.asyncIterator]().next();
    expect(first.done).toBe(false);
    stream.abort();
    const started = Date.now();
    const next = await ollama.generate({
      model: 'tiny',
      prompt: 'hi',
      raw: true,
      options: greedy(4),
    });
    expect(next.eval_count).toBe(4);
    expect(Date.now() - started).toBeLessThan(PROMPT_AFTER_CANCEL_MS);
  });

  it('embeds a string or a list with /api/embed, and a prompt with the legacy /api/embeddings, alike', async () => {
    const one = await ollama.embed({ model: 'default', input: 'hello world' });
    expect(one.model).toBe('default');
    expect(one.embeddings).toHaveLength(1);
    const dimension = one.embeddings[0].length;
    expect(dimension).toBeGreaterThan(0);
    expect(one.prompt_eval_count).toBe(2);

    const many = await ollama.embed({
      model: 'default:latest',
      input: ['hello world', 'good night'],
    });
    expect(many.embeddings).toHaveLength(2);
    expect(many.embeddings[0]).toEqual(one.embeddings[0]);
    expect(many.embeddings[1]).not.toEqual(one.embeddings[0]);

    const legacy = await ollama.embeddings({ model: 'default', prompt: 'hello world' });
    expect(legacy.embedding).toHaveLength(dimension);
    legacy.embedding.forEach((x, i) => expect(x).toBeCloseTo(one.embeddings[0][i], 6));

    const short = await ollama.embed({ model: 'default', input: 'hello world', dimensions: 8 });
    expect(short.embeddings[0]).toHaveLength(8);
    expect(Math.hypot(...short.embeddings[0])).toBeCloseTo(1, 5);
  });

  it('lists the generation and embedding models, shows one, lists the loaded ones and the version', async () => {
    const { models } = await ollama.list();
    expect(models.map((m) => m.name)).toEqual(['tiny:latest', 'default:latest']);
    expect(models[0]).toMatchObject({
      model: 'tiny:latest',
      size: 0,
      digest: expect.stringMatching(/^[0-9a-f]{64}$/),
      details: { format: 'gguf' },
    });
    expect(new Date(models[0].modified_at).getTime()).not.toBeNaN();

    const shown = await ollama.show({ model: 'tiny' });
    expect(shown.capabilities).toEqual(['completion']);
    expect(shown.parameters).toBe('num_ctx 512');
    expect((await ollama.show({ model: 'default' })).capabilities).toEqual(['embedding']);

    const running = await ollama.ps();
    expect(running.models.map((m) => m.name)).toEqual(['tiny:latest', 'default:latest']);
    expect(new Date(running.models[0].expires_at).getTime()).toBeGreaterThan(Date.now());

    expect((await ollama.version()).version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('describes every Ollama route in the OpenAPI document', async () => {
    const docs = await httpJson<{ paths: Record<string, Record<string, { tags: string[] }>> }>(
      `${platform.gatewayUrl}/docs-json`,
    );
    const routes = Object.entries(docs.body.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([, operation]) => operation.tags?.includes('ollama'))
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(routes.sort()).toEqual(
      [
        'POST /api/chat',
        'POST /api/generate',
        'POST /api/embed',
        'POST /api/embeddings',
        'GET /api/tags',
        'POST /api/show',
        'GET /api/ps',
        'GET /api/version',
      ].sort(),
    );
  });

  it("answers an unknown model 404 in Ollama's words on every route that names one", async () => {
    const notFound = { status_code: 404, error: 'model "nope" not found, try pulling it first' };
    const messages = [{ role: 'user', content: 'hi' }];
    await expect(ollama.chat({ model: 'nope', messages })).rejects.toMatchObject(notFound);
    await expect(ollama.chat({ model: 'nope', messages, stream: true })).rejects.toMatchObject(
      notFound,
    );
    await expect(ollama.generate({ model: 'nope', prompt: 'hi' })).rejects.toMatchObject(notFound);
    await expect(ollama.embed({ model: 'nope', input: 'hi' })).rejects.toMatchObject(notFound);
    await expect(ollama.show({ model: 'nope' })).rejects.toMatchObject(notFound);
    await expect(ollama.chat({ model: 'library/llama3:8b', messages })).rejects.toMatchObject({
      status_code: 404,
    });

    const body = await asAdmin('/api/chat', { model: 'nope', messages });
    expect(body.status).toBe(404);
    expect(body.body).toEqual({ error: 'model "nope" not found, try pulling it first' });
  });

  it("refuses bad options with 400 in Ollama's error shape, naming the option", async () => {
    const refused = await asAdmin('/api/generate', {
      model: 'tiny',
      prompt: 'hi',
      options: { temperature: 9 },
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toEqual({ error: 'options.temperature must be a number from 0 to 2' });
  });

  it("answers malformed JSON and unknown paths in Ollama's shape, and leaves /api/v1 the platform's", async () => {
    const send = (path: string, body: string) =>
      httpJson<Record<string, unknown>>(`${platform.gatewayUrl}${path}`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${platform.adminKey}`,
          'Content-Type': 'application/json',
        },
        body,
      });
    const malformed = await send('/api/chat', '{"model": "tiny", "messages": [');
    expect(malformed.status).toBe(400);
    expect(malformed.body).toEqual({ error: expect.any(String) });
    const unknown = await send('/api/no-such-route', '{}');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({ error: expect.stringContaining('/api/no-such-route') });
    const native = await send('/api/v1/no-such-route', '{}');
    expect(native.status).toBe(404);
    expect(native.body).toMatchObject({
      error: { code: 'NOT_FOUND' },
      requestId: expect.any(String),
    });
  });

  it('refuses a request without a key with 401, and the key in the Authorization header is what lets it in', async () => {
    const anonymous = new Ollama({ host: platform.gatewayUrl });
    await expect(anonymous.list()).rejects.toMatchObject({ status_code: 401 });
    await expect(
      anonymous.chat({ model: 'tiny', messages: [{ role: 'user', content: 'hi' }] }),
    ).rejects.toMatchObject({ status_code: 401 });
    const bare = await httpJson(`${platform.gatewayUrl}/api/tags`);
    expect(bare.status).toBe(401);
    expect(Object.keys(bare.body)).toEqual(['error']);
    expect(typeof bare.body['error']).toBe('string');
  });

  it("holds what a request may generate against the key's tokens-per-minute budget", async () => {
    const created = await asAdmin('/api/v1/admin/keys', {
      role: 'reader',
      rate_limit: { tokens_per_minute: KEY_TOKENS_PER_MINUTE },
    });
    expect(created.status).toBe(201);
    const limited = new Ollama({
      host: platform.gatewayUrl,
      headers: { Authorization: `Bearer ${String(created.body['key'])}` },
    });
    const ask = () =>
      limited.chat({
        model: 'tiny',
        messages: [{ role: 'user', content: 'hi' }],
        options: greedy(KEY_TOKENS_PER_MINUTE),
      });
    expect((await ask()).done).toBe(true);
    await expect(ask()).rejects.toMatchObject({
      status_code: 429,
      error: expect.stringContaining(
        `Generation limit of ${KEY_TOKENS_PER_MINUTE} tokens per minute`,
      ),
    });
  });
});
