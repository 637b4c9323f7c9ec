import OpenAI from 'openai';
import type { GeneratedChoice } from '../../clients/inference.client';
import { outputOfChoice, responseObject, responseSettingsOf, statusOf } from './response-object';
import type { ResponsesRequestDto } from './responses.dto';

const usage = { prompt_tokens: 7, completion_tokens: 3, total_tokens: 10 };
const weather = {
  id: 'call_abc',
  type: 'function' as const,
  function: { name: 'get_weather', arguments: '{"city":"Oslo"}' },
};
const choice = (fields: Partial<GeneratedChoice>): GeneratedChoice => ({
  index: 0,
  text: '',
  finish_reason: 'stop',
  tool_calls: [],
  ...fields,
});
const settings = responseSettingsOf(
  {
    model: 'tiny',
    input: 'hi',
    instructions: 'Be brief.',
    max_output_tokens: 5,
    metadata: { run: '1' },
  } as ResponsesRequestDto,
  [],
);
const responseOf = (generated: GeneratedChoice) =>
  responseObject(settings, {
    status: statusOf(generated.finish_reason),
    output: outputOfChoice(generated),
    model: 'tiny',
    usage,
  });

/** The openai SDK's client, answered with `body` as if the gateway had sent it. */
const clientAnswering = (body: unknown) =>
  new OpenAI({
    apiKey: 'key',
    baseURL: 'http://gateway.test/v1',
    fetch: () =>
      Promise.resolve(
        new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } }),
      ),
  });

describe('a chat reply as a Response object', () => {
  it('is a completed response with a message of the text, its usage and its settings echoed', async () => {
    const response = responseOf(choice({ text: 'Hello there' }));
    expect(response).toMatchObject({
      id: expect.stringMatching(/^resp_[0-9a-f]{32}$/),
      object: 'response',
      created_at: expect.any(Number),
      status: 'completed',
      error: null,
      incomplete_details: null,
      model: 'tiny',
      output: [
        {
          type: 'message',
          id: expect.stringMatching(/^msg_/),
          status: 'completed',
          role: 'assistant',
          content: [{ type: 'output_text', text: 'Hello there', annotations: [] }],
        },
      ],
      usage: {
        input_tokens: 7,
        input_tokens_details: { cached_tokens: 0 },
        output_tokens: 3,
        output_tokens_details: { reasoning_tokens: 0 },
        total_tokens: 10,
      },
      instructions: 'Be brief.',
      max_output_tokens: 5,
      temperature: 1,
      top_p: 1,
      tools: [],
      tool_choice: 'auto',
      parallel_tool_calls: true,
      text: { format: { type: 'text' } },
      metadata: { run: '1' },
      store: false,
      previous_response_id: null,
    });
    const sdkResponse = await clientAnswering(response).responses.create({
      model: 'tiny',
      input: 'hi',
    });
    expect(sdkResponse.output_text).toBe('Hello there');
  });

  it('has only function_call items when the model only called tools', () => {
    expect(
      responseOf(choice({ finish_reason: 'tool_calls', tool_calls: [weather] }))['output'],
    ).toEqual([
      {
        type: 'function_call',
        id: expect.stringMatching(/^fc_[0-9a-f]{32}$/),
        call_id: 'call_abc',
        name: 'get_weather',
        arguments: '{"city":"Oslo"}',
        status: 'completed',
      },
    ]);
  });

  it('puts the text before the calls when the model wrote both', () => {
    const output = outputOfChoice(
      choice({ text: 'Let me look.', finish_reason: 'tool_calls', tool_calls: [weather] }),
    );
    expect(output.map((item) => item.type)).toEqual(['message', 'function_call']);
  });

  it('is incomplete, for max_output_tokens, when the token limit cut it off', () => {
    const response = responseOf(choice({ text: 'Hel', finish_reason: 'length' }));
    expect(response).toMatchObject({
      status: 'incomplete',
      incomplete_details: { reason: 'max_output_tokens' },
      completed_at: null,
      output: [{ type: 'message', status: 'incomplete' }],
    });
  });

  it('keeps an empty message for a reply with neither text nor calls', () => {
    expect(outputOfChoice(choice({}))).toEqual([
      expect.objectContaining({
        type: 'message',
        content: [expect.objectContaining({ text: '' })],
      }),
    ]);
  });
});
