import type { GenerationChunk } from '@aip/contracts';
import { GenerationAssembly } from './generation-assembly';

const usage = { prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 };
const entry = (token: string) => ({ token, logprob: -1, bytes: [], top_logprobs: [] });
const assemble = (chunks: GenerationChunk[]) =>
  chunks.reduce((assembly, chunk) => assembly.add(chunk), new GenerationAssembly()).result();

describe('GenerationAssembly (a generation from its reply messages)', () => {
  it('takes an unstreamed reply from its final message', () => {
    const call = { id: 'c', type: 'function' as const, function: { name: 'f', arguments: '{}' } };
    const generation = assemble([
      {
        type: 'done',
        model: 'tiny',
        text: '',
        tool_calls: [call],
        finish_reason: 'tool_calls',
        usage,
      },
    ]);
    expect(generation.text).toBe('');
    expect(generation.choices).toEqual([
      { index: 0, text: '', finish_reason: 'tool_calls', tool_calls: [call] },
    ]);
  });

  it('puts streamed text, log probabilities and tool call pieces together, each to its choice', () => {
    const generation = assemble([
      { type: 'prompt_logprobs', logprobs: [entry('hi')] },
      { type: 'text', text: 'Hel', logprobs: [entry('Hel')] },
      { type: 'tool_call', choice: 1, index: 0, id: 'call_1', name: 'f', arguments: '' },
      { type: 'text', text: 'lo', logprobs: [entry('lo')] },
      { type: 'tool_call', choice: 1, index: 0, arguments: '{"a"' },
      { type: 'tool_call', choice: 1, index: 0, arguments: ': 1}' },
      {
        type: 'done',
        model: 'tiny',
        finish_reason: 'length',
        usage,
        choices: [
          { index: 0, finish_reason: 'length' },
          { index: 1, finish_reason: 'tool_calls' },
        ],
      },
    ]);
    expect(generation.text).toBe('Hello');
    expect(generation.promptLogprobs).toEqual([entry('hi')]);
    expect(generation.choices).toEqual([
      {
        index: 0,
        text: 'Hello',
        finish_reason: 'length',
        tool_calls: [],
        logprobs: [entry('Hel'), entry('lo')],
      },
      {
        index: 1,
        text: '',
        finish_reason: 'tool_calls',
        tool_calls: [
          { id: 'call_1', type: 'function', function: { name: 'f', arguments: '{"a": 1}' } },
        ],
      },
    ]);
  });

  it('fails a reply that ended without its final message', () => {
    expect(() => assemble([{ type: 'text', text: 'x' }])).toThrow('without its final message');
  });
});
