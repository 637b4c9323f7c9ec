import type { ToolCallPiece } from '../text-generator';
import { newToolCallId, ToolCallAssembler } from './tool-call-assembler';

describe('ToolCallAssembler (tool calls from node-llama-cpp callbacks, streamed as OpenAI does)', () => {
  const ids = () => {
    let next = 0;
    return () => `call_${++next}`;
  };

  it("passes a call's id and name first, then its arguments, less the grammar's closing newlines", () => {
    const pieces: ToolCallPiece[] = [];
    const calls = new ToolCallAssembler((piece) => pieces.push(piece), ids());
    for (const paramsChunk of ['{"city"', ': "Paris"', '}\n', '\n\n', '\n'])
      calls.paramsChunk({ callIndex: 0, functionName: 'get_weather', paramsChunk });
    calls.functionCall({ functionName: 'get_weather' });
    expect(pieces).toEqual([
      { index: 0, id: 'call_1', name: 'get_weather', arguments: '' },
      { index: 0, arguments: '{"city"' },
      { index: 0, arguments: ': "Paris"' },
      { index: 0, arguments: '}' },
    ]);
    expect(calls.toolCalls).toEqual([
      {
        id: 'call_1',
        type: 'function',
        function: { name: 'get_weather', arguments: '{"city": "Paris"}' },
      },
    ]);
    expect(calls.complete).toBe(true);
  });

  it('keeps whitespace inside the arguments, gives a call without parameters {}, counts calls in order', () => {
    const pieces: ToolCallPiece[] = [];
    const calls = new ToolCallAssembler((piece) => pieces.push(piece), ids());
    calls.paramsChunk({ callIndex: 0, functionName: 'a', paramsChunk: '{\n' });
    calls.paramsChunk({ callIndex: 0, functionName: 'a', paramsChunk: '  "x": 1}' });
    calls.functionCall({ functionName: 'a' });
    calls.functionCall({ functionName: 'now' });
    calls.paramsChunk({ callIndex: 2, functionName: 'b', paramsChunk: '{"y"' });
    expect(calls.toolCalls.map((c) => [c.id, c.function.name, c.function.arguments])).toEqual([
      ['call_1', 'a', '{\n  "x": 1}'],
      ['call_2', 'now', '{}'],
      ['call_3', 'b', '{"y"'],
    ]);
    // max_tokens cut the last call short: it is there as far as it got.
    expect(calls.complete).toBe(false);
    expect(pieces.map((p) => p.arguments).join('')).toBe('{\n  "x": 1}{}{"y"');
  });

  it('makes ids like OpenAI, each its own', () => {
    const made = new Set(Array.from({ length: 100 }, newToolCallId));
    expect(made.size).toBe(100);
    for (const id of made) expect(id).toMatch(/^call_[A-Za-z0-9]{24}$/);
  });
});
