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
