import Ajv from 'ajv';
import OpenAI from 'openai';
import { failureOf } from './openai-failure';
import { ChatOpenAI, OpenAIEmbeddings } from '@langchain/openai';
import { startTinyLlamaStack, type TinyLlamaStack } from './tiny-llama-stack';

/**
 * Room for the tool documentation node-llama-cpp writes into the system prompt: the tiny
 * vocabulary spells most of its words letter by letter, ~800 tokens for two tools.
 */
const CONTEXT_TOKENS = 2048;
/** Enough for a call of either tool below, whose arguments are enums and booleans. */
const CALL_TOKENS = 120;
/** What the gateway allows of `n`, and of `top_logprobs`, `logprobs` (completions). */
const MAX_CHOICES = 4;
const MAX_TOP_LOGPROBS = 20;
const MAX_COMPLETION_LOGPROBS = 5;

const WEATHER_PARAMETERS = {
  type: 'object',
  properties: {
    city: { type: 'string', enum: ['Paris', 'Oslo', 'Lima'], description: 'Where' },
    unit: { enum: ['celsius', 'fahrenheit'] },
    hourly: { type: 'boolean' },
    alerts: { type: 'array', items: { enum: ['rain', 'wind', 'heat'] }, maxItems: 3 },
  },
  required: ['city', 'unit'],
  additionalProperties: false,
} as const;
const TIME_PARAMETERS = {
  type: 'object',
  properties: { zone: { anyOf: [{ enum: ['UTC', 'CET'] }, { type: 'null' }] } },
  required: ['zone'],
} as const;
const TOOLS: OpenAI.ChatCompletionFunctionTool[] = [
  {
    type: 'function',
    function: {
      name: 'get_weather',
      description: 'The weather in a city',
      parameters: WEATHER_PARAMETERS,
    },
  },
  {
    type: 'function',
    function: { name: 'get_time', description: 'The time', parameters: TIME_PARAMETERS },
  },
];
const SCHEMAS: Record<string, object> = {
  get_weather: WEATHER_PARAMETERS,
  get_time: TIME_PARAMETERS,
};
/** A small schema LangChain's structured output is asked for. */
const VERDICT = {
  title: 'verdict',
  description: 'Whether it is so',
  type: 'object',
  properties: {
    answer: { type: 'string', enum: ['yes', 'no'] },
    sure: { type: 'boolean' },
  },
  required: ['answer', 'sure'],
  additionalProperties: false,
};

const ASK = [{ role: 'user' as const, content: 'what is the weather in paris' }];

const ajv = new Ajv({ strict: false });
/** Whether a call's arguments parse as JSON and match its tool's parameters. */
function argumentsMatch(call: OpenAI.ChatCompletionMessageToolCall): boolean {
  if (call.type !== 'function') return false;
  const validate = ajv.compile(SCHEMAS[call.function.name] ?? false);
  return validate(JSON.parse(call.function.arguments)) === true;
}

/**
 * Tool calling, several choices and log probabilities on the gateway's OpenAI API, as the
 * official `openai` SDK and LangChain's ChatOpenAI use them, on a random-weight tiny model:
 * whatever it would write, a call that tool_choice demands comes out with arguments that parse
 * and match the tool's schema.
 */
describe('OpenAI tools, n and logprobs through the openai SDK and LangChain (processes, real NATS and Redis)', () => {
  let platform: TinyLlamaStack;
  let openai: OpenAI;

  beforeAll(async () => {
    platform = await startTinyLlamaStack({
      models: { default: { parallel: 2 }, single: { parallel: 1 } },
      contextLength: CONTEXT_TOKENS,
    });
    openai = new OpenAI({
      baseURL: `${platform.gatewayUrl}/v1`,
      apiKey: platform.adminKey,
      maxRetries: 0,
    });
  }, 180_000);

  afterAll(async () => {
    await platform?.stop();
  }, 30_000);

  describe('tool calls', () => {
    it('calls a tool with arguments that match its schema whenever tool_choice is required', async () => {
      for (const seed of [1, 2, 3]) {
        const reply = await openai.chat.completions.create({
          model: 'default',
          messages: ASK,
          tools: TOOLS,
          tool_choice: 'required',
          max_tokens: CALL_TOKENS,
          seed,
        });
        const [choice] = reply.choices;
        expect(choice!.finish_reason).toBe('tool_calls');
        expect(choice!.message.content).toBeNull();
        const calls = choice!.message.tool_calls ?? [];
        expect(calls.length).toBeGreaterThanOrEqual(1);
        for (const call of calls) {
          expect(call.id).toMatch(/^call_[A-Za-z0-9]{24}$/);
          expect(call.type).toBe('function');
          expect(Object.keys(SCHEMAS)).toContain(call.type === 'function' && call.function.name);
          expect(argumentsMatch(call)).toBe(true);
        }
        expect(reply.usage!.completion_tokens).toBeGreaterThan(0);
      }
    });

    it('calls the function tool_choice names, and no other', async () => {
      for (const name of ['get_time', 'get_weather']) {
        const reply = await openai.chat.completions.create({
          model: 'default',
          messages: ASK,
          tools: TOOLS,
          tool_choice: { type: 'function', function: { name } },
          max_tokens: CALL_TOKENS,
        });
        const calls = reply.choices[0]!.message.tool_calls ?? [];
        expect(calls.map((c) => c.type === 'function' && c.function.name)).toEqual([name]);
        expect(argumentsMatch(calls[0]!)).toBe(true);
      }
    });

    it('streams tool calls as OpenAI does, assembling to the reply of the same request unstreamed', async () => {
      const request = {
        model: 'default',
        messages: ASK,
        tools: TOOLS,
        tool_choice: { type: 'function' as const, function: { name: 'get_weather' } },
        max_tokens: CALL_TOKENS,
        temperature: 0,
      };
      const whole = await openai.chat.completions.create(request);
      const chunks: OpenAI.ChatCompletionChunk[] = [];
      for await (const chunk of await openai.chat.completions.create({ ...request, stream: true }))
        chunks.push(chunk);
      const deltas = chunks.flatMap((c) => c.choices[0]?.delta.tool_calls ?? []);
      // The first delta of the call names it with empty arguments; the rest carry its arguments.
      expect(deltas[0]).toEqual({
        index: 0,
        id: expect.stringMatching(/^call_/),
        type: 'function',
        function: { name: 'get_weather', arguments: '' },
      });
      expect(deltas.length).toBeGreaterThan(2);
      for (const delta of deltas.slice(1)) {
        expect(delta).toEqual({ index: 0, function: { arguments: expect.any(String) } });
      }
      expect(chunks.at(-1)!.choices[0]!.finish_reason).toBe('tool_calls');
      const streamed = deltas.map((d) => d.function?.arguments ?? '').join('');
      const [call] = whole.choices[0]!.message.tool_calls!;
      expect(call!.type === 'function' && call!.function.arguments).toBe(streamed);

      // The SDK's own assembly of the stream gives the unstreamed message, the id aside.
      const final = await openai.chat.completions.stream(request).finalChatCompletion();
      expect(final.choices[0]!.message.tool_calls).toEqual([
        {
          id: expect.stringMatching(/^call_/),
          type: 'function',
          function: { name: 'get_weather', arguments: streamed },
        },
      ]);
      expect(final.choices[0]!.finish_reason).toBe('tool_calls');
    });

    it('takes a history with tool calls and their results, and answers after them', async () => {
      const first = await openai.chat.completions.create({
        model: 'default',
        messages: ASK,
        tools: TOOLS,
        tool_choice: 'required',
        max_tokens: CALL_TOKENS,
      });
      const calls = first.choices[0]!.message.tool_calls!;
      const history: OpenAI.ChatCompletionMessageParam[] = [
        ...ASK,
        { role: 'assistant', content: null, tool_calls: calls },
        ...calls.map((call) => ({
          role: 'tool' as const,
          tool_call_id: call.id,
          content: JSON.stringify({ temperature: 21 }),
        })),
      ];
      const answer = await openai.chat.completions.create({
        model: 'default',
        messages: history,
        tools: TOOLS,
        max_tokens: 8,
        temperature: 0,
      });
      expect(answer.choices).toHaveLength(1);
      expect(['length', 'stop', 'tool_calls']).toContain(answer.choices[0]!.finish_reason);
      // With the model's answer the conversation goes on.
      const next = await openai.chat.completions.create({
        model: 'default',
        messages: [
          ...history,
          { role: 'assistant', content: answer.choices[0]!.message.content ?? '' },
          { role: 'user', content: 'and tomorrow' },
        ],
        tools: TOOLS,
        tool_choice: 'none',
        max_tokens: 4,
      });
      expect(next.choices[0]!.finish_reason).toBe('length');
      expect(next.choices[0]!.message.tool_calls).toBeUndefined();

      const unanswered = await failureOf(() =>
        openai.chat.completions.create({
          model: 'default',
          messages: [...history.slice(0, 2), { role: 'user', content: 'hello' }],
          max_tokens: 4,
        }),
      );
      expect(unanswered.status).toBe(400);
      expect(unanswered.message).toContain(calls[0]!.id);
      const stray = await failureOf(() =>
        openai.chat.completions.create({
          model: 'default',
          messages: [...ASK, { role: 'tool', tool_call_id: 'call_nothing', content: '1' }],
          max_tokens: 4,
        }),
      );
      expect(stray.status).toBe(400);
      expect(stray.message).toContain('call_nothing');
    });

    it('refuses tool schemas the grammar cannot enforce, and tool_choice naming no tool, with a 400', async () => {
      const unenforceable = await failureOf(() =>
        openai.chat.completions.create({
          model: 'default',
          messages: ASK,
          tools: [
            {
              type: 'function',
              function: {
                name: 'lookup',
                parameters: {
                  type: 'object',
                  properties: { zip: { type: 'string', pattern: '^[0-9]{5}$' }, n: { minimum: 1 } },
                },
              },
            },
          ],
          tool_choice: 'required',
          max_tokens: 4,
        }),
      );
      expect(unenforceable.status).toBe(400);
      expect(unenforceable.message).toContain('pattern (at properties.zip)');
      expect(unenforceable.message).toContain('minimum (at properties.n)');
      const unknown = await failureOf(() =>
        openai.chat.completions.create({
          model: 'default',
          messages: ASK,
          tools: TOOLS,
          tool_choice: { type: 'function', function: { name: 'get_stock' } },
          max_tokens: 4,
        }),
      );
      expect(unknown.status).toBe(400);
      expect(unknown.message).toContain('get_stock');
    });
  });

  describe('several choices (n)', () => {
    it('gives n choices, each generated, with the usage of all of them', async () => {
      const reply = await openai.chat.completions.create({
        model: 'default',
        messages: [{ role: 'user', content: 'hello there' }],
        max_tokens: 6,
        n: 2,
        seed: 5,
      });
      expect(reply.choices.map((c) => c.index)).toEqual([0, 1]);
      for (const choice of reply.choices) expect(choice.finish_reason).toBe('length');
      expect(reply.usage!.completion_tokens).toBe(12);
      // More choices than the model has sequences follow one another on the one it has.
      const single = await openai.chat.completions.create({
        model: 'single',
        messages: [{ role: 'user', content: 'hello there' }],
        max_tokens: 6,
        n: 3,
        temperature: 0,
      });
      expect(single.choices).toHaveLength(3);
      expect(new Set(single.choices.map((c) => c.message.content)).size).toBe(1);

      const stream = await openai.chat.completions.create({
        model: 'default',
        messages: [{ role: 'user', content: 'hello there' }],
        max_tokens: 6,
        n: 2,
        stream: true,
        stream_options: { include_usage: true },
      });
      const texts = ['', ''];
      const finishes: (string | null)[] = [null, null];
      let usage: OpenAI.CompletionUsage | null | undefined;
      for await (const chunk of stream) {
        for (const choice of chunk.choices) {
          texts[choice.index] += choice.delta.content ?? '';
          finishes[choice.index] = choice.finish_reason ?? finishes[choice.index]!;
        }
        usage = chunk.usage ?? usage;
      }
      expect(finishes).toEqual(['length', 'length']);
      expect(texts.every((text) => text.length > 0)).toBe(true);
      expect(usage!.completion_tokens).toBe(12);

      const tooMany = await failureOf(() =>
        openai.chat.completions.create({
          model: 'default',
          messages: [{ role: 'user', content: 'hi' }],
          max_tokens: 2,
          n: MAX_CHOICES + 1,
        }),
      );
      expect(tooMany.status).toBe(400);
      expect(tooMany.message).toContain(`n must be at most ${MAX_CHOICES}`);
    });
  });

  describe('log probabilities', () => {
    it('reports each generated token of a chat with its log probability and top alternatives', async () => {
      const request = {
        model: 'default',
        messages: [{ role: 'user' as const, content: 'hello there' }],
        max_tokens: 8,
        temperature: 0,
        logprobs: true,
        top_logprobs: 3,
      };
      const reply = await openai.chat.completions.create(request);
      const [choice] = reply.choices;
      const content = choice!.logprobs!.content!;
      expect(content).toHaveLength(8);
      expect(content.map((t) => t.token).join('')).toBe(choice!.message.content);
      for (const token of content) {
        expect(token.logprob).toBeLessThanOrEqual(0);
        expect(token.bytes).toEqual([...Buffer.from(token.token, 'utf8')]);
        expect(token.top_logprobs).toHaveLength(3);
        // Greedy: the chosen token is the most likely one.
        expect(token.top_logprobs[0]).toEqual({
          token: token.token,
          logprob: token.logprob,
          bytes: token.bytes,
        });
      }

      const streamed: OpenAI.ChatCompletionTokenLogprob[] = [];
      for await (const chunk of await openai.chat.completions.create({ ...request, stream: true }))
        streamed.push(...(chunk.choices[0]?.logprobs?.content ?? []));
      // The same tokens; their probabilities as close as batches decoded otherwise give them.
      expect(streamed.map((t) => t.token)).toEqual(content.map((t) => t.token));
      streamed.forEach((token, i) => expect(token.logprob).toBeCloseTo(content[i]!.logprob, 2));

      const tooMany = await failureOf(() =>
        openai.chat.completions.create({ ...request, top_logprobs: MAX_TOP_LOGPROBS + 1 }),
      );
      expect(tooMany.status).toBe(400);
      expect(tooMany.message).toContain(`top_logprobs must be at most ${MAX_TOP_LOGPROBS}`);
    });

    it('echoes the prompt with the log probabilities of its tokens and of the completion', async () => {
      const prompt = 'hello world the question';
      const completion = await openai.completions.create({
        model: 'default',
        prompt,
        max_tokens: 5,
        temperature: 0,
        echo: true,
        logprobs: 2,
      });
      const [choice] = completion.choices;
      expect(choice!.text.startsWith(prompt)).toBe(true);
      const logprobs = choice!.logprobs!;
      expect(logprobs.tokens!.join('')).toBe(choice!.text);
      const promptTokens = logprobs.tokens!.length - 5;
      expect(promptTokens).toBeGreaterThan(0);
      expect(logprobs.tokens!.slice(0, promptTokens).join('')).toBe(prompt);
      expect(logprobs.text_offset![0]).toBe(0);
      logprobs.text_offset!.forEach((offset, i) =>
        expect(choice!.text.startsWith(logprobs.tokens![i]!, offset)).toBe(true),
      );
      for (const [i, logprob] of logprobs.token_logprobs!.entries()) {
        expect(logprob).toBeLessThanOrEqual(0);
        expect(Object.keys(logprobs.top_logprobs![i]!).length).toBeLessThanOrEqual(2);
      }

      const plain = await openai.completions.create({
        model: 'default',
        prompt,
        max_tokens: 5,
        temperature: 0,
        logprobs: 0,
      });
      expect(plain.choices[0]!.text).toBe(choice!.text.slice(prompt.length));
      expect(plain.choices[0]!.logprobs!.tokens).toEqual(logprobs.tokens!.slice(promptTokens));

      const tooMany = await failureOf(() =>
        openai.completions.create({
          model: 'default',
          prompt,
          max_tokens: 2,
          logprobs: MAX_COMPLETION_LOGPROBS + 1,
        }),
      );
      expect(tooMany.status).toBe(400);
      expect(tooMany.message).toContain(`logprobs must be at most ${MAX_COMPLETION_LOGPROBS}`);
    });
  });

  describe('LangChain ChatOpenAI against the gateway', () => {
    const chatModel = (overrides: Partial<ConstructorParameters<typeof ChatOpenAI>[0]> = {}) =>
      new ChatOpenAI({
        model: 'default',
        apiKey: platform.adminKey,
        configuration: { baseURL: `${platform.gatewayUrl}/v1` },
        maxRetries: 0,
        maxTokens: CALL_TOKENS,
        ...overrides,
      });

    it('bindTools with a forced tool_choice returns a tool call with valid arguments', async () => {
      const bound = chatModel().bindTools(TOOLS, { tool_choice: 'get_weather' });
      const message = await bound.invoke('what is the weather in paris');
      expect(message.tool_calls).toHaveLength(1);
      const [call] = message.tool_calls!;
      expect(call!.name).toBe('get_weather');
      expect(call!.id).toMatch(/^call_/);
      expect(ajv.validate(WEATHER_PARAMETERS, call!.args)).toBe(true);
    });

    it.each(['functionCalling', 'jsonSchema'] as const)(
      'withStructuredOutput({method: %p}) returns an object of the schema',
      async (method) => {
        const structured = chatModel().withStructuredOutput(VERDICT, { method, name: 'verdict' });
        const result = await structured.invoke('is it?');
        expect(ajv.validate(VERDICT, result)).toBe(true);
      },
    );

    it("withStructuredOutput({method: 'jsonMode'}) returns a JSON object", async () => {
      // json_object leaves the keys to the model: greedy, and room for the random test model to
      // close what it opens.
      const model = chatModel({ maxTokens: 1500, temperature: 0 });
      const structured = model.withStructuredOutput(VERDICT, { method: 'jsonMode' });
      const result = await structured.invoke('answer in JSON: is it?');
      expect(result).toEqual(expect.any(Object));
      expect(Array.isArray(result)).toBe(false);
    });
  });

  it('LangChain OpenAIEmbeddings embeds more texts than its default batch of 512, each as alone', async () => {
    const embeddings = new OpenAIEmbeddings({
      model: 'default',
      apiKey: platform.adminKey,
      configuration: { baseURL: `${platform.gatewayUrl}/v1` },
      maxRetries: 0,
    });
    const texts = Array.from({ length: 600 }, (_, i) => `note ${i} about the garden`);
    const vectors = await embeddings.embedDocuments(texts);
    expect(vectors).toHaveLength(600);
    for (const i of [0, 511, 512, 599])
      expect(vectors[i]).toEqual(await embeddings.embedQuery(texts[i]!));
  }, 60_000);
});
