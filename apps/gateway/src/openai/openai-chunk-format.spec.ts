import type { GenerationChunk, TokenLogprob } from '@aip/contracts';
import { chatChunkFormat, completionChunkFormat } from './openai-chunk-format';
import { openAiIdentity } from './openai-format';

const usage = { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 };
const entry = (token: string): TokenLogprob => ({
  token,
  logprob: -0.5,
  bytes: [...Buffer.from(token)],
  top_logprobs: [{ token, logprob: -0.5, bytes: [...Buffer.from(token)] }],
});
const choicesOf = (format: ReturnType<typeof chatChunkFormat>, messages: GenerationChunk[]) =>
  messages.flatMap((m) => format.events(m)).map((e) => (e as Record<string, unknown>)['choices']);

describe('chat stream with tool calls, several choices and log probabilities', () => {
  const identity = openAiIdentity('chatcmpl', 'tiny');

  it('streams a tool call as OpenAI does: role and first delta together, then argument pieces', () => {
    expect(
      choicesOf(chatChunkFormat(identity, false), [
        { type: 'tool_call', index: 0, id: 'call_1', name: 'f', arguments: '' },
        { type: 'tool_call', index: 0, arguments: '{"a":' },
        { type: 'tool_call', index: 0, arguments: ' 1}' },
        { type: 'done', model: 'tiny', finish_reason: 'tool_calls', usage },
      ]),
    ).toEqual([
      [
        {
          index: 0,
          delta: {
            role: 'assistant',
            content: null,
            tool_calls: [
              { index: 0, id: 'call_1', type: 'function', function: { name: 'f', arguments: '' } },
            ],
          },
          finish_reason: null,
        },
      ],
      [
        {
          index: 0,
          delta: { tool_calls: [{ index: 0, function: { arguments: '{"a":' } }] },
          finish_reason: null,
        },
      ],
      [
        {
          index: 0,
          delta: { tool_calls: [{ index: 0, function: { arguments: ' 1}' } }] },
          finish_reason: null,
        },
      ],
      [{ index: 0, delta: {}, finish_reason: 'tool_calls' }],
    ]);
  });

  it('opens and ends every choice, and carries log probabilities beside their content', () => {
    expect(
      choicesOf(chatChunkFormat(identity, false), [
        { type: 'text', choice: 1, text: 'Hi', logprobs: [entry('Hi')] },
        {
          type: 'done',
          model: 'tiny',
          finish_reason: 'length',
          usage,
          choices: [
            { index: 0, finish_reason: 'stop' },
            { index: 1, finish_reason: 'length' },
          ],
        },
      ]),
    ).toEqual([
      [{ index: 1, delta: { role: 'assistant', content: '' }, finish_reason: null }],
      [
        {
          index: 1,
          delta: { content: 'Hi' },
          logprobs: { content: [entry('Hi')], refusal: null },
          finish_reason: null,
        },
      ],
      [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }],
      [{ index: 0, delta: {}, finish_reason: 'stop' }],
      [{ index: 1, delta: {}, finish_reason: 'length' }],
    ]);
  });
});

describe('completion stream with echo and log probabilities', () => {
  it('sends the prompt first with its log probabilities, then the text, offsets counting on', () => {
    const format = completionChunkFormat(openAiIdentity('cmpl', 'tiny'), false, {
      echo: 'Hi',
      logprobs: true,
      n: 1,
    });
    const choices = [
      { type: 'prompt_logprobs', logprobs: [entry('H'), { ...entry('i'), logprob: null }] },
      { type: 'text', text: ' there', logprobs: [entry(' there')] },
      { type: 'done', model: 'tiny', finish_reason: 'length', usage },
    ].flatMap((m) => format.events(m as GenerationChunk)) as { choices: unknown[] }[];
    expect(choices.map((c) => c.choices)).toEqual([
      [
        {
          index: 0,
          text: 'Hi',
          logprobs: {
            tokens: ['H', 'i'],
            token_logprobs: [-0.5, null],
            top_logprobs: [{ H: -0.5 }, null],
            text_offset: [0, 1],
          },
          finish_reason: null,
        },
      ],
      [
        {
          index: 0,
          text: ' there',
          logprobs: {
            tokens: [' there'],
            token_logprobs: [-0.5],
            top_logprobs: [{ ' there': -0.5 }],
            text_offset: [2],
          },
          finish_reason: null,
        },
      ],
      [{ index: 0, text: '', logprobs: null, finish_reason: 'length' }],
    ]);
  });

  it('echoes the prompt into every choice, even with no text generated', () => {
    const format = completionChunkFormat(openAiIdentity('cmpl', 'tiny'), false, {
      echo: 'Hi',
      logprobs: false,
      n: 2,
    });
    const events = format.events({
      type: 'done',
      model: 'tiny',
      finish_reason: 'stop',
      usage,
      choices: [
        { index: 0, finish_reason: 'stop' },
        { index: 1, finish_reason: 'stop' },
      ],
    }) as { choices: { index: number; text: string }[] }[];
    expect(events.map((e) => [e.choices[0]!.index, e.choices[0]!.text])).toEqual([
      [0, 'Hi'],
      [1, 'Hi'],
      [0, ''],
      [1, ''],
    ]);
  });
});
