import Ajv from 'ajv';
import OpenAI from 'openai';
import { failureOf } from './openai-failure';
import { startTinyLlamaStack, type TinyLlamaStack } from './tiny-llama-stack';

/** Room for the tool documentation node-llama-cpp writes into the system prompt. */
const CONTEXT_TOKENS = 2048;
/** Enough for a call of the tool below, whose arguments are an enum and a boolean. */
const CALL_TOKENS = 120;
/** Enough for the JSON the answer schema allows: `{"ok": true}` and its spacing. */
const JSON_TOKENS = 40;
/** The context, all but the prompt: a generation that takes seconds, unless cancelled. */
const LONG_OUTPUT_TOKENS = 1900;

const WEATHER_PARAMETERS = {
  type: 'object',
  properties: {
    city: { type: 'string', enum: ['Paris', 'Oslo', 'Lima'] },
    hourly: { type: 'boolean' },
  },
  required: ['city', 'hourly'],
  additionalProperties: false,
};
const WEATHER: OpenAI.Responses.FunctionTool = {
  type: 'function',
  name: 'get_weather',
  description: 'The weather in a city',
  parameters: WEATHER_PARAMETERS,
  strict: true,
};
const ANSWER_SCHEMA = {
  type: 'object',
  properties: { ok: { type: 'boolean' } },
  required: ['ok'],
  additionalProperties: false,
};
const ajv = new Ajv({ strict: false });
const matchesWeather = ajv.compile(WEATHER_PARAMETERS);
const matchesAnswer = ajv.compile(ANSWER_SCHEMA);

const callsOf = (response: OpenAI.Responses.Response) =>
  response.output.filter(
    (item): item is OpenAI.Responses.ResponseFunctionToolCall => item.type === 'function_call',
  );

/**
 * OpenAI's Responses API on the gateway through the official `openai` SDK, on a random-weight
 * tiny model: the text is gibberish, but its length, its events, a forced call's arguments and
 * output under a JSON schema follow what was asked. `single` has one sequence, so a cancelled
 * stream shows in how soon the next request runs.
 */
describe('OpenAI Responses API through the openai SDK (processes, real NATS and Redis)', () => {
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

  it('answers text as a Response whose output_text the SDK reads, with usage that adds up', async () => {
    const response = await openai.responses.create({
      model: 'default',
      input: 'hello world',
      max_output_tokens: 8,
      temperature: 0,
      metadata: { run: 'e2e' },
    });
    expect(response).toMatchObject({
      id: expect.stringMatching(/^resp_/),
      object: 'response',
      model: 'default',
      error: null,
      max_output_tokens: 8,
      metadata: { run: 'e2e' },
      output: [{ type: 'message', id: expect.stringMatching(/^msg_/), role: 'assistant' }],
    });
    expect(response.output_text.length).toBeGreaterThan(0);
    const usage = response.usage!;
    expect(usage.input_tokens).toBeGreaterThan(0);
    expect(usage.output_tokens).toBeGreaterThan(0);
    expect(usage.output_tokens).toBeLessThanOrEqual(8);
    expect(usage.total_tokens).toBe(usage.input_tokens + usage.output_tokens);
  });

  it('puts the instructions before the input (more prompt tokens) and echoes them', async () => {
    const ask = (instructions?: string) =>
      openai.responses.create({
        model: 'default',
        input: 'hello world',
        instructions,
        max_output_tokens: 2,
      });
    const plain = await ask();
    const instructed = await ask('Answer in one word.');
    expect(instructed.instructions).toBe('Answer in one word.');
    expect(instructed.usage!.input_tokens).toBeGreaterThan(plain.usage!.input_tokens);
  });

  it('is incomplete, for max_output_tokens, when the token limit cuts it off', async () => {
    const response = await openai.responses.create({
      model: 'default',
      input: 'tell me a long story',
      max_output_tokens: 3,
      temperature: 0,
    });
    expect(response.status).toBe('incomplete');
    expect(response.incomplete_details).toEqual({ reason: 'max_output_tokens' });
    expect(response.usage!.output_tokens).toBe(3);
  });

  it('streams events in order, ending in response.completed with the text of the deltas', async () => {
    const stream = openai.responses.stream({
      model: 'default',
      input: 'is it ok?',
      max_output_tokens: JSON_TOKENS,
      text: {
        format: { type: 'json_schema', name: 'answer', schema: ANSWER_SCHEMA, strict: true },
      },
    });
    const events: OpenAI.Responses.ResponseStreamEvent[] = [];
    for await (const event of stream) events.push(event);
    const final = await stream.finalResponse();
    const types = events.map((e) => e.type);
    expect(types.slice(0, 4)).toEqual([
      'response.created',
      'response.in_progress',
      'response.output_item.added',
      'response.content_part.added',
    ]);
    expect(types.slice(-4)).toEqual([
      'response.output_text.done',
      'response.content_part.done',
      'response.output_item.done',
      'response.completed',
    ]);
    expect(events.map((e) => e.sequence_number)).toEqual(events.map((_, i) => i));
    const deltas = events.flatMap((e) =>
      e.type === 'response.output_text.delta' ? [e.delta] : [],
    );
    expect(deltas.length).toBeGreaterThan(0);
    expect(final.status).toBe('completed');
    expect(final.output_text).toBe(deltas.join(''));
    expect(matchesAnswer(JSON.parse(final.output_text))).toBe(true);
  });

  it('answers under a json_schema text format with JSON that parses and matches it', async () => {
    const response = await openai.responses.create({
      model: 'default',
      input: 'is it ok?',
      max_output_tokens: JSON_TOKENS,
      text: { format: { type: 'json_schema', name: 'answer', schema: ANSWER_SCHEMA } },
    });
    expect(response.status).toBe('completed');
    expect(matchesAnswer(JSON.parse(response.output_text))).toBe(true);
  });

  it('calls a tool when tool_choice requires it, with arguments that match its schema, and takes its output back', async () => {
    const ask: OpenAI.Responses.ResponseInputItem = {
      role: 'user',
      content: 'what is the weather in paris',
    };
    const called = await openai.responses.create({
      model: 'default',
      input: [ask],
      tools: [WEATHER],
      tool_choice: 'required',
      max_output_tokens: CALL_TOKENS,
    });
    expect(called.status).toBe('completed');
    const [call, ...more] = callsOf(called);
    expect(more).toEqual([]);
    expect(call).toMatchObject({
      type: 'function_call',
      id: expect.stringMatching(/^fc_/),
      call_id: expect.stringMatching(/^call_/),
      name: 'get_weather',
      status: 'completed',
    });
    expect(matchesWeather(JSON.parse(call!.arguments))).toBe(true);

    const answered = await openai.responses.create({
      model: 'default',
      input: [
        ask,
        ...(called.output as OpenAI.Responses.ResponseInputItem[]),
        { type: 'function_call_output', call_id: call!.call_id, output: '{"celsius": 21}' },
      ],
      tools: [WEATHER],
      max_output_tokens: 4,
    });
    expect(answered.output.length).toBeGreaterThan(0);
    // The same tools documented, and the call and its output after the question.
    expect(answered.usage!.input_tokens).toBeGreaterThan(called.usage!.input_tokens);
  });

  it('streams a named function call as argument deltas that make its arguments', async () => {
    const stream = openai.responses.stream({
      model: 'default',
      input: 'weather?',
      tools: [WEATHER],
      tool_choice: { type: 'function', name: 'get_weather' },
      max_output_tokens: CALL_TOKENS,
    });
    const events: OpenAI.Responses.ResponseStreamEvent[] = [];
    for await (const event of stream) events.push(event);
    const final = await stream.finalResponse();
    const deltas = events.flatMap((e) =>
      e.type === 'response.function_call_arguments.delta' ? [e.delta] : [],
    );
    const done = events.find((e) => e.type === 'response.function_call_arguments.done');
    expect(done).toMatchObject({ name: 'get_weather', arguments: deltas.join('') });
    expect(events.at(-1)!.type).toBe('response.completed');
    const [call] = callsOf(final);
    expect(call!.arguments).toBe(deltas.join(''));
    expect(matchesWeather(JSON.parse(call!.arguments))).toBe(true);
  });

  it('frees the generation when the client aborts the stream: the one-sequence model answers the next request at once', async () => {
    const long = { model: 'single', input: 'hello', max_output_tokens: LONG_OUTPUT_TOKENS };
    // What the aborted generation would have taken: the next request would wait that long.
    const startedWhole = Date.now();
    const whole = await openai.responses.create(long);
    const wholeMs = Date.now() - startedWhole;
    expect(whole.usage!.output_tokens).toBe(LONG_OUTPUT_TOKENS);

    const stream = openai.responses.stream(long);
    for await (const event of stream) {
      if (event.type === 'response.output_text.delta') break;
    }
    const started = Date.now();
    const next = await openai.responses.create({
      model: 'single',
      input: 'hi',
      max_output_tokens: 2,
    });
    expect(next.usage!.output_tokens).toBe(2);
    expect(Date.now() - started).toBeLessThan(wholeMs / 4);
  });

  describe("errors as the SDK's typed errors", () => {
    it('refuses what it does not serve with BadRequestError whose param names the field', async () => {
      const cases: [Partial<OpenAI.Responses.ResponseCreateParamsNonStreaming>, string, string][] =
        [
          [{ previous_response_id: 'resp_1' }, 'previous_response_id', 'not stored'],
          [{ tools: [{ type: 'web_search' }] }, 'tools[0].type', 'built-in tools'],
          [{ input: [{ type: 'item_reference', id: 'msg_1' }] }, 'input[0].type', 'not stored'],
          [{ reasoning: { effort: 'high' } }, 'reasoning', 'no model here reasons'],
          [{ background: true }, 'background', 'must be false'],
          [{ max_output_tokens: 100_000 }, 'max_output_tokens', 'at most 16384'],
        ];
      for (const [fields, param, says] of cases) {
        const error = await failureOf(() =>
          openai.responses.create({ model: 'default', input: 'hi', ...fields }),
        );
        expect(error).toBeInstanceOf(OpenAI.BadRequestError);
        expect(error).toMatchObject({ status: 400, type: 'invalid_request_error', param });
        expect(error.message).toContain(says);
      }
    });

    it('answers an unknown model with NotFoundError and a wrong key with AuthenticationError', async () => {
      const unknown = await failureOf(() =>
        openai.responses.create({ model: 'no-such-model', input: 'hi', max_output_tokens: 2 }),
      );
      expect(unknown).toBeInstanceOf(OpenAI.NotFoundError);
      expect(unknown).toMatchObject({ code: 'model_not_found', param: 'model' });
      const wrongKey = new OpenAI({
        baseURL: `${platform.gatewayUrl}/v1`,
        apiKey: 'not-a-key',
        maxRetries: 0,
      });
      const unauthenticated = await failureOf(() =>
        wrongKey.responses.create({ model: 'default', input: 'hi' }),
      );
      expect(unauthenticated).toBeInstanceOf(OpenAI.AuthenticationError);
      expect(unauthenticated).toMatchObject({ code: 'invalid_api_key' });
    });

    it('does not offer stored responses: retrieving one is NotFoundError', async () => {
      const error = await failureOf(() => openai.responses.retrieve('resp_1'));
      expect(error).toBeInstanceOf(OpenAI.NotFoundError);
    });
  });
});
