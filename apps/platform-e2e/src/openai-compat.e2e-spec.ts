import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import OpenAI from 'openai';
import { Tiktoken } from 'js-tiktoken/lite';
import cl100kBase from 'js-tiktoken/ranks/cl100k_base';
import { failureOf } from './openai-failure';
import { httpJson, type ErrorBodyShape } from './http';
import { startTinyLlamaStack, type TinyLlamaStack } from './tiny-llama-stack';

/** The tiny model's context, in tokens. */
const CONTEXT_TOKENS = 512;
/** Far more than the context leaves: what a client asked of a 512-token model. */
const BEYOND_CONTEXT = 4000;
/** The dimension of the embedding service's default model (GloVe word vectors). */
const EMBEDDING_DIMENSION = 100;
/** Common words: each pair of two of them is a text of its own (word vectors ignore order). */
const WORDS = (
  'garden river stone music winter bread candle forest ocean mountain city window light water ' +
  'paper school friend money table night morning summer animal flower letter doctor market ' +
  'church island horse kitchen bottle family village coffee engine pencil mirror rabbit'
).split(' ');
/** 741 distinct texts of two words each. */
const PAIRS = WORDS.flatMap((first, i) => WORDS.slice(i + 1).map((second) => `${first} ${second}`));

/**
 * The OpenAI API of the gateway as the official `openai` SDK sees it: errors as its typed error
 * classes, models.retrieve, content parts, the developer role, max_tokens beyond the context,
 * seeds and fingerprints, and embeddings in OpenAI's sizes. Two models on the tiny GGUF;
 * the reader role is left without generate:text, so that a reader's key meets a 403.
 */
/** OpenAI's encoding for its embedding models, with which clients tokenize before sending ids. */
const cl100k = new Tiktoken(cl100kBase);

describe('OpenAI API compatibility through the openai SDK (processes, real NATS and Redis)', () => {
  let platform: TinyLlamaStack;
  let openai: OpenAI;
  const configDir = mkdtempSync(join(tmpdir(), 'aip-openai-compat-'));
  const asAdmin = <T>(path: string, body: unknown) =>
    httpJson<T>(`${platform.gatewayUrl}${path}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${platform.adminKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  const clientWith = (apiKey: string) =>
    new OpenAI({ baseURL: `${platform.gatewayUrl}/v1`, apiKey, maxRetries: 0 });
  const newKey = async (body: Record<string, unknown>) => {
    const created = await asAdmin<{ key: string }>('/api/v1/admin/keys', body);
    expect(created.status).toBe(201);
    return created.body.key;
  };
  const greedyChat = (messages: OpenAI.ChatCompletionMessageParam[], maxTokens = 12) =>
    openai.chat.completions.create({
      model: 'default',
      messages,
      max_tokens: maxTokens,
      temperature: 0,
    });

  beforeAll(async () => {
    const roles = join(configDir, 'roles.json');
    writeFileSync(roles, JSON.stringify({ reader: ['vectors:search'] }));
    platform = await startTinyLlamaStack({
      models: { default: { parallel: 2 }, single: { parallel: 1 } },
      env: { GATEWAY_ROLES_FILE: roles },
    });
    openai = clientWith(platform.adminKey);
  }, 180_000);

  afterAll(async () => {
    await platform?.stop();
    rmSync(configDir, { recursive: true, force: true });
  }, 30_000);

  describe("errors in OpenAI's shape, as the SDK's error classes", () => {
    it('answers a wrong key with AuthenticationError (401, authentication_error, invalid_api_key)', async () => {
      const error = await failureOf(() => clientWith('not-a-key').models.list());
      expect(error).toBeInstanceOf(OpenAI.AuthenticationError);
      expect(error).toMatchObject({
        status: 401,
        type: 'authentication_error',
        code: 'invalid_api_key',
        param: null,
      });
    });

    it('answers a key without generate:text with PermissionDeniedError (403, permission_error)', async () => {
      const reader = clientWith(await newKey({ role: 'reader' }));
      const error = await failureOf(() =>
        reader.chat.completions.create({
          model: 'default',
          messages: [{ role: 'user', content: 'hi' }],
          max_tokens: 1,
        }),
      );
      expect(error).toBeInstanceOf(OpenAI.PermissionDeniedError);
      expect(error).toMatchObject({ status: 403, type: 'permission_error' });
      expect(error.message).toContain('generate:text');
    });

    it('answers an unknown model with NotFoundError (404, model_not_found, param model)', async () => {
      const error = await failureOf(() =>
        openai.chat.completions.create({
          model: 'nope',
          messages: [{ role: 'user', content: 'hi' }],
          max_tokens: 1,
        }),
      );
      expect(error).toBeInstanceOf(OpenAI.NotFoundError);
      expect(error).toMatchObject({
        status: 404,
        type: 'invalid_request_error',
        code: 'model_not_found',
        param: 'model',
      });
      expect(error.message).toContain('The model `nope` does not exist');
      const embedding = await failureOf(() =>
        openai.embeddings.create({ model: 'nope', input: 'hi' }),
      );
      expect(embedding).toMatchObject({ status: 404, code: 'model_not_found', param: 'model' });
    });

    it('answers invalid fields with BadRequestError (400, invalid_request_error) whose param names the field', async () => {
      const temperature = await failureOf(() =>
        openai.chat.completions.create({
          model: 'default',
          messages: [{ role: 'user', content: 'hi' }],
          temperature: 5,
        }),
      );
      expect(temperature).toBeInstanceOf(OpenAI.BadRequestError);
      expect(temperature).toMatchObject({
        status: 400,
        type: 'invalid_request_error',
        param: 'temperature',
      });
      expect(temperature.message).toContain('temperature must be at most 2');
      const role = await failureOf(() =>
        openai.chat.completions.create({
          model: 'default',
          messages: [
            { role: 'user', content: 'hi' },
            { role: 'robot', content: 'beep' } as unknown as OpenAI.ChatCompletionMessageParam,
          ],
        }),
      );
      expect(role).toMatchObject({ status: 400, param: 'messages[1].role' });
    });

    it('answers a spent request limit with RateLimitError (429, rate_limit_exceeded) and Retry-After', async () => {
      const limited = clientWith(
        await newKey({ role: 'writer', rate_limit: { requests_per_minute: 1 } }),
      );
      await limited.models.list();
      const error = await failureOf(() => limited.models.list());
      expect(error).toBeInstanceOf(OpenAI.RateLimitError);
      expect(error).toMatchObject({ status: 429, code: 'rate_limit_exceeded', type: 'requests' });
      expect(Number(error.headers?.get('retry-after'))).toBeGreaterThanOrEqual(1);
    });

    it("answers what fails before any route in OpenAI's shape too: malformed JSON, an unknown path", async () => {
      const send = (path: string, body: string) =>
        httpJson<{ error: Record<string, unknown> }>(`${platform.gatewayUrl}${path}`, {
          method: 'POST',
          headers: {
            Authorization: `Bearer ${platform.adminKey}`,
            'Content-Type': 'application/json',
          },
          body,
        });
      const malformed = await send('/v1/chat/completions', '{"model": "default", "messages": [');
      expect(malformed.status).toBe(400);
      expect(malformed.body.error).toMatchObject({
        type: 'invalid_request_error',
        message: expect.any(String),
        param: null,
      });
      const unknown = await send('/v1/no-such-route', '{}');
      expect(unknown.status).toBe(404);
      expect(unknown.body.error).toMatchObject({ type: 'invalid_request_error', param: null });
      expect(unknown.body.error['message']).toContain('/v1/no-such-route');
      // Through the SDK, as a client calling an endpoint the gateway lacks would see it.
      const error = await failureOf(() => openai.post('/no-such-route', { body: {} }));
      expect(error).toBeInstanceOf(OpenAI.NotFoundError);
      expect(error).toMatchObject({ status: 404, type: 'invalid_request_error' });
    });

    it("keeps the platform's own error shape on /api/v1", async () => {
      const native = await asAdmin<ErrorBodyShape>('/api/v1/chat', {
        model: 'nope',
        messages: [{ role: 'user', content: 'hi' }],
        max_tokens: 1,
      });
      expect(native.status).toBe(404);
      expect(native.body.error.code).toBe('NOT_FOUND');
      expect(native.body.requestId).toEqual(expect.any(String));
    });
  });

  it('retrieves a model by id, and answers an unknown one with NotFoundError', async () => {
    const model = await openai.models.retrieve('single');
    expect(model).toMatchObject({ id: 'single', object: 'model', owned_by: 'aip' });
    const error = await failureOf(() => openai.models.retrieve('nope'));
    expect(error).toBeInstanceOf(OpenAI.NotFoundError);
    expect(error).toMatchObject({ code: 'model_not_found', param: 'model' });
  });

  describe('chat messages', () => {
    it('takes content as text parts, read as the same text joined by new lines', async () => {
      const parts = await greedyChat([
        {
          role: 'user',
          content: [
            { type: 'text', text: 'hello there' },
            { type: 'text', text: 'the question of the day' },
          ],
        },
      ]);
      const joined = await greedyChat([
        { role: 'user', content: 'hello there\nthe question of the day' },
      ]);
      expect(parts.choices[0]!.message.content).toBe(joined.choices[0]!.message.content);
      expect(parts.usage).toEqual(joined.usage);
    });

    it('refuses an image part with BadRequestError naming the part and saying the model cannot see images', async () => {
      const error = await failureOf(() =>
        greedyChat([
          {
            role: 'user',
            content: [
              { type: 'text', text: 'what is in it?' },
              { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
            ],
          },
        ]),
      );
      expect(error).toBeInstanceOf(OpenAI.BadRequestError);
      expect(error).toMatchObject({ param: 'messages[0].content[1]' });
      expect(error.message).toContain('Model default cannot read images');
    });

    it('reads the developer role as system, and accepts a name', async () => {
      const developer = await greedyChat([
        { role: 'developer', content: 'Answer in one word.' },
        { role: 'user', content: 'hello there', name: 'ann' },
      ]);
      const system = await greedyChat([
        { role: 'system', content: 'Answer in one word.' },
        { role: 'user', content: 'hello there' },
      ]);
      expect(developer.choices[0]!.message.content).toBe(system.choices[0]!.message.content);
      expect(developer.usage).toEqual(system.usage);
    });
  });

  describe('max_tokens beyond the context', () => {
    it('ends chat where the context does: finish_reason length, usage within the context, streamed alike', async () => {
      const messages = [{ role: 'user' as const, content: 'hello there' }];
      const whole = await openai.chat.completions.create({
        model: 'default',
        messages,
        max_tokens: BEYOND_CONTEXT,
        temperature: 0,
      });
      expect(whole.choices[0]!.finish_reason).toBe('length');
      const usage = whole.usage!;
      expect(usage.total_tokens).toBe(usage.prompt_tokens + usage.completion_tokens);
      expect(usage.total_tokens).toBeLessThanOrEqual(CONTEXT_TOKENS);
      expect(usage.completion_tokens).toBeGreaterThan(CONTEXT_TOKENS / 2);

      const stream = await openai.chat.completions.create({
        model: 'default',
        messages,
        max_tokens: BEYOND_CONTEXT,
        temperature: 0,
        stream: true,
        stream_options: { include_usage: true },
      });
      let streamed = '';
      let streamedUsage: OpenAI.CompletionUsage | null | undefined;
      let finish: string | null = null;
      for await (const chunk of stream) {
        streamed += chunk.choices[0]?.delta.content ?? '';
        finish = chunk.choices[0]?.finish_reason ?? finish;
        streamedUsage = chunk.usage ?? streamedUsage;
      }
      expect(streamed).toBe(whole.choices[0]!.message.content);
      expect(finish).toBe('length');
      expect(streamedUsage).toEqual(usage);
    });

    it('reports as completion_tokens exactly what was generated: asking for that many gives the same text', async () => {
      const clamped = await openai.completions.create({
        model: 'default',
        prompt: 'hello world',
        max_tokens: BEYOND_CONTEXT,
        temperature: 0,
      });
      const generated = clamped.usage!.completion_tokens;
      expect(clamped.choices[0]!.finish_reason).toBe('length');
      expect(clamped.usage!.total_tokens).toBeLessThanOrEqual(CONTEXT_TOKENS);
      const exact = await openai.completions.create({
        model: 'default',
        prompt: 'hello world',
        max_tokens: generated,
        temperature: 0,
      });
      expect(exact.choices[0]!.text).toBe(clamped.choices[0]!.text);
      expect(exact.usage).toEqual(clamped.usage);
    });
  });

  it('passes seed through (the same seed samples the same text) and fingerprints every response', async () => {
    const sampled = (seed: number) =>
      openai.chat.completions.create({
        model: 'default',
        messages: [{ role: 'user', content: 'tell me about the garden' }],
        max_tokens: 24,
        temperature: 1,
        seed,
      });
    // One after another: decoded beside another request, the sums of a batch may differ.
    const first = await sampled(7);
    const again = await sampled(7);
    const other = await sampled(8);
    expect(again.choices[0]!.message.content).toBe(first.choices[0]!.message.content);
    expect(other.choices[0]!.message.content).not.toBe(first.choices[0]!.message.content);

    const fingerprint = first.system_fingerprint;
    expect(fingerprint).toMatch(/^fp_[0-9a-f]{12}$/);
    expect(other.system_fingerprint).toBe(fingerprint);
    const completion = await openai.completions.create({
      model: 'default',
      prompt: 'hi',
      max_tokens: 2,
    });
    expect(completion.system_fingerprint).toBe(fingerprint);
    const stream = await openai.chat.completions.create({
      model: 'default',
      messages: [{ role: 'user', content: 'hi' }],
      max_tokens: 2,
      stream: true,
    });
    for await (const chunk of stream) expect(chunk.system_fingerprint).toBe(fingerprint);
    const single = await openai.chat.completions.create({
      model: 'single',
      messages: [{ role: 'user', content: 'hi' }],
      max_tokens: 2,
    });
    expect(single.system_fingerprint).toMatch(/^fp_/);
    expect(single.system_fingerprint).not.toBe(fingerprint);
  });

  describe('embeddings', () => {
    it('embeds 600 inputs in one request (more than LangChain sends by default), in order, with the usage of all', async () => {
      const texts = PAIRS.slice(0, 600);
      const reply = await openai.embeddings.create({ model: 'default', input: texts });
      expect(reply.data).toHaveLength(600);
      expect(reply.data.map((d) => d.index)).toEqual(texts.map((_, i) => i));
      expect(reply.usage).toEqual({ prompt_tokens: 1200, total_tokens: 1200 });
      // Either side of where the service's batches of 256 meet, each the vector of its own text.
      for (const i of [0, 255, 256, 511, 512, 599]) {
        const alone = await openai.embeddings.create({ model: 'default', input: texts[i]! });
        expect(reply.data[i]!.embedding).toEqual(alone.data[0]!.embedding);
      }
    }, 60_000);

    it("takes OpenAI's limit of 2,048 inputs, and refuses one more naming input", async () => {
      const texts = Array.from({ length: 2048 }, (_, i) => PAIRS[i % PAIRS.length]!);
      const reply = await openai.embeddings.create({ model: 'default', input: texts });
      expect(reply.data).toHaveLength(2048);
      const error = await failureOf(() =>
        openai.embeddings.create({ model: 'default', input: [...texts, 'one more'] }),
      );
      expect(error).toBeInstanceOf(OpenAI.BadRequestError);
      expect(error).toMatchObject({ param: 'input' });
    }, 60_000);

    it('embeds token ids as the texts cl100k_base reads them (what LangChain for Python sends), and refuses an id with no text', async () => {
      const texts = [PAIRS[0]!, PAIRS[1]!];
      const ids = texts.map((text) => cl100k.encode(text));
      const byText = await openai.embeddings.create({ model: 'default', input: texts });
      const byIds = await openai.embeddings.create({ model: 'default', input: ids });
      expect(byIds.data.map((d) => d.embedding)).toEqual(byText.data.map((d) => d.embedding));
      expect(byIds.usage.prompt_tokens).toBe(ids[0]!.length + ids[1]!.length);
      const one = await openai.embeddings.create({ model: 'default', input: ids[1]! });
      expect(one.data[0]!.embedding).toEqual(byText.data[1]!.embedding);
      const error = await failureOf(() =>
        openai.embeddings.create({ model: 'default', input: [ids[0]!, [...ids[1]!, 100_257]] }),
      );
      expect(error).toBeInstanceOf(OpenAI.BadRequestError);
      expect(error).toMatchObject({ param: `input[1][${ids[1]!.length}]` });
    });

    it("accepts dimensions equal to the model's own, and refuses others naming the model and param", async () => {
      const own = await openai.embeddings.create({
        model: 'default',
        input: 'garden',
        dimensions: EMBEDDING_DIMENSION,
      });
      expect(own.data[0]!.embedding).toHaveLength(EMBEDDING_DIMENSION);
      const error = await failureOf(() =>
        openai.embeddings.create({ model: 'default', input: 'garden', dimensions: 32 }),
      );
      expect(error).toBeInstanceOf(OpenAI.BadRequestError);
      expect(error).toMatchObject({ param: 'dimensions' });
      expect(error.message).toContain('Model default does not support dimensions');
    });
  });
});
