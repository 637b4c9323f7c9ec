import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { ErrorCode, PlatformError } from '@aip/contracts';
import { openAiErrorOf } from '../openai-errors';
import { chatRequestOf } from './response-chat-request';
import { checkedTools } from './response-tools';
import { ResponsesRequestDto } from './responses.dto';

const WEATHER = {
  type: 'function',
  name: 'get_weather',
  description: 'The weather',
  parameters: { type: 'object', properties: { city: { type: 'string' } } },
  strict: true,
};

/** Every field and problem of a failed validation, nested fields by their dotted path. */
function problemsOf(errors: ValidationError[], prefix = ''): { field: string; problem: string }[] {
  return errors.flatMap((error) => [
    ...Object.values(error.constraints ?? {}).map((problem) => ({
      field: `${prefix}${error.property}`,
      problem,
    })),
    ...problemsOf(error.children ?? [], `${prefix}${error.property}.`),
  ]);
}

/** The body as the route reads it: through the DTO's rules with the gateway's whitelisting, then to a chat request. */
async function chatRequestFor(body: Record<string, unknown>) {
  const dto = plainToInstance(ResponsesRequestDto, { model: 'tiny', input: 'hi', ...body });
  const problems = problemsOf(await validate(dto, { whitelist: true, forbidNonWhitelisted: true }));
  if (problems.length > 0) {
    throw new PlatformError(ErrorCode.ValidationFailed, problems[0]!.problem, { problems });
  }
  return chatRequestOf(dto, checkedTools(dto.tools));
}

async function refusalOf(body: Record<string, unknown>) {
  try {
    await chatRequestFor(body);
  } catch (error) {
    if (!(error instanceof PlatformError)) throw error;
    const { status, body: reply } = openAiErrorOf(error);
    return { status, param: reply.error.param, message: reply.error.message };
  }
  throw new Error('expected the request to be refused');
}

describe('a Responses request as a chat request', () => {
  it('has OpenAI’s defaults and a token limit clamped to the context', async () => {
    expect(await chatRequestFor({ model: 'default' })).toEqual({
      model: undefined,
      max_tokens: 256,
      temperature: 1,
      stop_at_context_end: true,
      messages: [{ role: 'user', content: 'hi' }],
    });
  });

  it('passes on the sampling, the token limit and the output format as the chat route does', async () => {
    const schema = { type: 'object', properties: { a: { type: 'boolean' } } };
    expect(
      await chatRequestFor({
        max_output_tokens: 12,
        temperature: 0,
        top_p: 0.5,
        text: { format: { type: 'json_schema', name: 'answer', schema, strict: true } },
        store: true,
        metadata: { run: '1' },
        user: 'u1',
        stream_options: { include_obfuscation: false },
        background: false,
        truncation: 'disabled',
        reasoning: { effort: null },
        include: [],
        previous_response_id: null,
      }),
    ).toMatchObject({ max_tokens: 12, temperature: 0, top_p: 0.5, json_schema: schema });
    expect(await chatRequestFor({ text: { format: { type: 'json_object' } } })).toMatchObject({
      json_schema: {},
    });
  });

  it('nests flat function tools as chat declares them, and a named tool_choice likewise', async () => {
    expect(
      await chatRequestFor({
        tools: [WEATHER],
        tool_choice: { type: 'function', name: 'get_weather' },
        parallel_tool_calls: false,
      }),
    ).toMatchObject({
      tools: [
        {
          type: 'function',
          function: {
            name: 'get_weather',
            description: 'The weather',
            parameters: WEATHER.parameters,
            strict: true,
          },
        },
      ],
      tool_choice: { type: 'function', function: { name: 'get_weather' } },
      parallel_tool_calls: false,
    });
  });

  it.each([
    ['a stored response to go on from', { previous_response_id: 'resp_1' }, 'previous_response_id'],
    ['a stored conversation', { conversation: 'conv_1' }, 'conversation'],
    ['a background run', { background: true }, 'background'],
    ['reasoning effort', { reasoning: { effort: 'high' } }, 'reasoning'],
    ['truncation', { truncation: 'auto' }, 'truncation'],
    ['extra outputs', { include: ['message.output_text.logprobs'] }, 'include'],
    ['log probabilities', { top_logprobs: 2 }, 'top_logprobs'],
    ['a field the API does not have', { frequency_penalty: 1 }, 'frequency_penalty'],
    ['a built-in tool', { tools: [{ type: 'web_search' }] }, 'tools[0].type'],
    [
      'a field function tools lack',
      { tools: [{ ...WEATHER, defer_loading: true }] },
      'tools[0].defer_loading',
    ],
    ['a tool name used twice', { tools: [WEATHER, WEATHER] }, 'tools[1].name'],
    ['more tools than the limit', { tools: Array.from({ length: 65 }, () => WEATHER) }, 'tools'],
    [
      "chat's tool_choice shape",
      { tools: [WEATHER], tool_choice: { type: 'function', function: { name: 'get_weather' } } },
      'tool_choice',
    ],
    [
      'a tool_choice of no tool',
      { tools: [WEATHER], tool_choice: { type: 'function', name: 'other' } },
      'tool_choice',
    ],
    ['tool_choice required without tools', { tool_choice: 'required' }, 'tool_choice'],
    [
      'a JSON format beside tools',
      { tools: [WEATHER], text: { format: { type: 'json_object' } } },
      'text.format',
    ],
    [
      'a json_schema without a schema',
      { text: { format: { type: 'json_schema', name: 'a' } } },
      'text.format.schema',
    ],
    ['a text option not offered', { text: { verbosity: 'low' } }, 'text.verbosity'],
    ['a token limit beyond the most', { max_output_tokens: 16_385 }, 'max_output_tokens'],
    ['an input that is not text or items', { input: 5 }, 'input'],
    ['an empty input list', { input: [] }, 'input'],
    ['metadata that is not string pairs', { metadata: { a: 1 } }, 'metadata'],
  ])('refuses %s, naming the field', async (_what, body, param) => {
    expect(await refusalOf(body)).toMatchObject({ status: 400, param });
  });

  it('says why a field asking for stored responses is refused', async () => {
    expect((await refusalOf({ previous_response_id: 'resp_1' })).message).toBe(
      'previous_response_id is not supported: responses are not stored here (store is always false); send the earlier turns in input',
    );
  });
});
