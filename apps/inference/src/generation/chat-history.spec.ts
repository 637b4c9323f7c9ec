import { toChatHistory } from './chat-history';

describe('toChatHistory', () => {
  it('maps OpenAI roles to the chat history node-llama-cpp renders with the chat template', () => {
    expect(
      toChatHistory([
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Hello!' },
        { role: 'user', content: 'Bye' },
      ]),
    ).toEqual([
      { type: 'system', text: 'Be brief.' },
      { type: 'user', text: 'Hi' },
      { type: 'model', response: ['Hello!'] },
      { type: 'user', text: 'Bye' },
    ]);
  });
});

describe('toChatHistory with tool calls', () => {
  const call = (id: string, name: string, args: string) => ({
    id,
    type: 'function' as const,
    function: { name, arguments: args },
  });

  it('puts each tool result into the call it answers, and the answer after them into the same response', () => {
    expect(
      toChatHistory([
        { role: 'user', content: 'Weather in Paris and Oslo?' },
        {
          role: 'assistant',
          content: '',
          toolCalls: [
            call('call_1', 'get_weather', '{"city":"Paris"}'),
            call('call_2', 'get_weather', '{"city":"Oslo"}'),
          ],
        },
        { role: 'tool', content: '{"temp":21}', toolCallId: 'call_1' },
        { role: 'tool', content: 'cold', toolCallId: 'call_2' },
        { role: 'assistant', content: 'Warm in Paris, cold in Oslo.' },
        { role: 'user', content: 'Thanks' },
      ]),
    ).toEqual([
      { type: 'user', text: 'Weather in Paris and Oslo?' },
      {
        type: 'model',
        response: [
          {
            type: 'functionCall',
            name: 'get_weather',
            params: { city: 'Paris' },
            result: { temp: 21 },
            startsNewChunk: true,
          },
          {
            type: 'functionCall',
            name: 'get_weather',
            params: { city: 'Oslo' },
            result: 'cold',
            startsNewChunk: false,
          },
          'Warm in Paris, cold in Oslo.',
        ],
      },
      { type: 'user', text: 'Thanks' },
    ]);
  });

  it('keeps the text an assistant wrote before its calls', () => {
    expect(
      toChatHistory([
        { role: 'user', content: 'Time?' },
        { role: 'assistant', content: 'Let me look.', toolCalls: [call('c', 'now', '{}')] },
        { role: 'tool', content: '12:00', toolCallId: 'c' },
      ]).at(-1),
    ).toEqual({
      type: 'model',
      response: [
        'Let me look.',
        { type: 'functionCall', name: 'now', params: {}, result: '12:00', startsNewChunk: true },
      ],
    });
  });

  it('refuses a call left unanswered, a result answering no call, and calls on a user message', () => {
    const asked = [
      { role: 'user' as const, content: 'Time?' },
      { role: 'assistant' as const, content: '', toolCalls: [call('call_9', 'now', '{}')] },
    ];
    expect(() => toChatHistory([...asked, { role: 'user', content: 'hello?' }])).toThrow(
      'none answered call_9',
    );
    expect(() => toChatHistory(asked)).toThrow('none answered call_9');
    expect(() => toChatHistory([{ role: 'tool', content: '1', toolCallId: 'call_x' }])).toThrow(
      'messages[0]: tool_call_id call_x answers no tool call',
    );
    expect(() =>
      toChatHistory([{ role: 'user', content: 'x', toolCalls: [call('a', 'now', '{}')] }]),
    ).toThrow('only assistant messages may carry tool_calls');
  });
});
