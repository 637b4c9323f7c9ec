import type { GenerationChunk } from '@aip/contracts';
import { chatChunkFormat, completionChunkFormat, openAiIdentity } from './openai-format';

const usage = { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 };
const messages: GenerationChunk[] = [
  { type: 'text', text: 'Hel' },
  { type: 'text', text: 'lo' },
  { type: 'done', model: 'tiny', finish_reason: 'length', usage },
];

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
});
