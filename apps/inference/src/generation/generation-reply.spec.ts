import type { GenerationChunk } from '@aip/contracts';
import { GenerationReply } from './generation-reply';
import type { GenerationResult } from './text-generator';

const call = { id: 'call_1', type: 'function' as const, function: { name: 'f', arguments: '{}' } };
const results: GenerationResult[] = [
  {
    model: 'tiny',
    text: '',
    promptTokens: 9,
    completionTokens: 5,
    finishReason: 'tool_calls',
    toolCalls: [call],
  },
  { model: 'tiny', text: 'Hi', promptTokens: 9, completionTokens: 2, finishReason: 'length' },
];
const entry = { token: 'Hi', logprob: -1, bytes: [72, 105], top_logprobs: [] };

describe('GenerationReply (the messages of a generation reply)', () => {
  it('unstreamed: one final message with every choice, the prompt counted once', () => {
    const sent: GenerationChunk[] = [];
    const reply = new GenerationReply((chunk) => sent.push(chunk), false);
    expect(reply.listener(0)).toEqual({});
    reply.done(results, undefined);
    expect(sent).toEqual([
      {
        type: 'done',
        model: 'tiny',
        text: '',
        tool_calls: [call],
        finish_reason: 'tool_calls',
        usage: { prompt_tokens: 9, completion_tokens: 7, total_tokens: 16 },
        choices: [
          { index: 0, finish_reason: 'tool_calls', text: '', tool_calls: [call] },
          { index: 1, finish_reason: 'length', text: 'Hi' },
        ],
      },
    ]);
  });

  it('streamed: pieces as they come, each choice its own, then how each ended', () => {
    const sent: GenerationChunk[] = [];
    const reply = new GenerationReply((chunk) => sent.push(chunk), true);
    const first = reply.listener(0);
    const second = reply.listener(1);
    first.onToolCall!({ index: 0, id: 'call_1', name: 'f', arguments: '' });
    second.onText!('Hi', [entry]);
    first.onToolCall!({ index: 0, arguments: '{}' });
    reply.promptLogprobs([entry, entry]);
    reply.done(results, 'point-1');
    expect(sent).toEqual([
      { type: 'tool_call', index: 0, id: 'call_1', name: 'f', arguments: '' },
      { type: 'text', choice: 1, text: 'Hi', logprobs: [entry] },
      { type: 'tool_call', index: 0, arguments: '{}' },
      { type: 'prompt_logprobs', logprobs: [entry, entry] },
      {
        type: 'done',
        model: 'tiny',
        finish_reason: 'tool_calls',
        usage: { prompt_tokens: 9, completion_tokens: 7, total_tokens: 16 },
        choices: [
          { index: 0, finish_reason: 'tool_calls' },
          { index: 1, finish_reason: 'length' },
        ],
        vector_id: 'point-1',
      },
    ]);
  });
});
