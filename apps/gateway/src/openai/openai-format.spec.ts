import type { GenerationChunk } from '@aip/contracts';
import { chatChunkFormat, completionChunkFormat } from './openai-chunk-format';
import { chatChoice, chatCompletion, openAiIdentity, textCompletion } from './openai-format';

const usage = { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 };
const messages: GenerationChunk[] = [
  { type: 'text', text: 'Hel' },
  { type: 'text', text: 'lo' },
  { type: 'done', model: 'tiny', finish_reason: 'length', usage },
];

describe('OpenAI response identity', () => {
  it('names a response like OpenAI does: prefix, 32 hex digits, creation second, model', () => {
    const before = Math.floor(Date.now() / 1000);
    const chat = openAiIdentity('chatcmpl', 'tiny');
    const after = Math.floor(Date.now() / 1000);
    expect(chat.id).toMatch(/^chatcmpl-[0-9a-f]{32}$/);
    expect(chat.created).toBeGreaterThanOrEqual(before);
    expect(chat.created).toBeLessThanOrEqual(after);
    expect(chat.model).toBe('tiny');
    expect(openAiIdentity('cmpl', 'tiny').id).toMatch(/^cmpl-[0-9a-f]{32}$/);
  });

  it('gives every response an id of its own', () => {
    const ids = new Set(Array.from({ length: 100 }, () => openAiIdentity('cmpl', 'm').id));
    expect(ids.size).toBe(100);
  });
});

describe('OpenAI response bodies', () => {
  const identity = { id: 'chatcmpl-1', created: 1700000000, model: 'tiny' };

  it('answers chat as one assistant message with its finish reason and usage', () => {
    const choice = { index: 0, text: 'Hello', finish_reason: 'stop' as const, tool_calls: [] };
    expect(chatCompletion(identity, [choice], usage)).toEqual({
      id: 'chatcmpl-1',
      created: 1700000000,
      model: 'tiny',
      object: 'chat.completion',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: 'Hello', refusal: null },
          logprobs: null,
          finish_reason: 'stop',
        },
      ],
      usage,
    });
  });

  it('answers completions with one choice per prompt, indexed in order', () => {
    const body = textCompletion(
      { ...identity, id: 'cmpl-1' },
      [
        { text: 'one', finishReason: 'stop' },
        { text: 'two', finishReason: 'length' },
      ],
      usage,
    );
    expect(body).toEqual({
      id: 'cmpl-1',
      created: 1700000000,
      model: 'tiny',
      object: 'text_completion',
      choices: [
        { index: 0, text: 'one', logprobs: null, finish_reason: 'stop' },
        { index: 1, text: 'two', logprobs: null, finish_reason: 'length' },
      ],
      usage,
    });
  });
});

describe('OpenAI stream formats', () => {
  const identity = openAiIdentity('chatcmpl', 'tiny');

  it('streams chat as the role, content deltas, the finish reason, then the usage when asked', () => {
    const format = chatChunkFormat(identity, true);
    const events = messages.flatMap((m) => format.events(m)) as Record<string, unknown>[];
    expect(events.map((e) => e['choices'])).toEqual([
      [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }],
      [{ index: 0, delta: { content: 'Hel' }, finish_reason: null }],
      [{ index: 0, delta: { content: 'lo' }, finish_reason: null }],
      [{ index: 0, delta: {}, finish_reason: 'length' }],
      [],
    ]);
    expect(events.map((e) => e['usage'])).toEqual([null, null, null, null, usage]);
    expect(events.every((e) => e['id'] === identity.id)).toBe(true);
    expect(events[0]).toMatchObject({ object: 'chat.completion.chunk', model: 'tiny' });
    expect(format.end).toEqual(['[DONE]']);
  });

  it('leaves usage out of chat chunks unless stream_options.include_usage is set', () => {
    const format = chatChunkFormat(identity, false);
    const events = messages.flatMap((m) => format.events(m)) as Record<string, unknown>[];
    expect(events).toHaveLength(4);
    expect(events.some((e) => 'usage' in e)).toBe(false);
  });

  it('streams completions as text deltas, then the finish reason', () => {
    const format = completionChunkFormat(openAiIdentity('cmpl', 'tiny'), false);
    const events = messages.flatMap((m) => format.events(m)) as Record<string, unknown>[];
    expect(events.map((e) => e['choices'])).toEqual([
      [{ index: 0, text: 'Hel', logprobs: null, finish_reason: null }],
      [{ index: 0, text: 'lo', logprobs: null, finish_reason: null }],
      [{ index: 0, text: '', logprobs: null, finish_reason: 'length' }],
    ]);
    expect(events[0]).toMatchObject({ object: 'text_completion' });
  });

  it('streams completions with the usage last when asked, and null usage before it', () => {
    const format = completionChunkFormat(openAiIdentity('cmpl', 'tiny'), true);
    const events = messages.flatMap((m) => format.events(m)) as Record<string, unknown>[];
    expect(events.map((e) => e['choices'])).toEqual([
      [{ index: 0, text: 'Hel', logprobs: null, finish_reason: null }],
      [{ index: 0, text: 'lo', logprobs: null, finish_reason: null }],
      [{ index: 0, text: '', logprobs: null, finish_reason: 'length' }],
      [],
    ]);
    expect(events.map((e) => e['usage'])).toEqual([null, null, null, usage]);
    expect(format.end).toEqual(['[DONE]']);
  });

  it('opens an empty chat answer with the role too, then the finish reason', () => {
    const format = chatChunkFormat(identity, false);
    const events = format.events({
      type: 'done',
      model: 'tiny',
      finish_reason: 'stop',
      usage,
    }) as Record<string, unknown>[];
    expect(events.map((e) => e['choices'])).toEqual([
      [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }],
      [{ index: 0, delta: {}, finish_reason: 'stop' }],
    ]);
  });

  it('sends the role once per stream, and again in a stream of its own', () => {
    const first = chatChunkFormat(identity, false);
    const second = chatChunkFormat(identity, false);
    const roles = (format: typeof first) =>
      messages
        .flatMap((m) => format.events(m))
        .filter((e) => JSON.stringify(e).includes('"role":"assistant"')).length;
    expect(roles(first)).toBe(1);
    expect(roles(first)).toBe(0);
    expect(roles(second)).toBe(1);
  });
});

describe('OpenAI chat choices with tool calls and log probabilities', () => {
  const call = {
    id: 'call_1',
    type: 'function' as const,
    function: { name: 'f', arguments: '{}' },
  };

  it('answers a choice that only called tools with null content, its calls and finish reason', () => {
    expect(
      chatChoice({ index: 1, text: '', finish_reason: 'tool_calls', tool_calls: [call] }),
    ).toEqual({
      index: 1,
      message: { role: 'assistant', content: null, refusal: null, tool_calls: [call] },
      logprobs: null,
      finish_reason: 'tool_calls',
    });
  });

  it('keeps text beside calls, and the log probabilities of the content when asked', () => {
    const entry = { token: 'Hi', logprob: -1, bytes: [72, 105], top_logprobs: [] };
    expect(
      chatChoice({
        index: 0,
        text: 'Hi',
        finish_reason: 'tool_calls',
        tool_calls: [call],
        logprobs: [entry],
      }),
    ).toMatchObject({
      message: { content: 'Hi', tool_calls: [call] },
      logprobs: { content: [entry], refusal: null },
    });
  });
});
