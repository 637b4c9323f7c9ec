import { conversationOf } from './conversation-of';

const result = {
  model: 'tiny',
  text: 'the oak table',
  promptTokens: 7,
  completionTokens: 3,
  finishReason: 'length' as const,
};

describe('stored conversations', () => {
  it('keeps a raw prompt as given, with the response, model, token counts and tenant', () => {
    expect(conversationOf({ prompt: 'Where is the table?' }, result, 'acme')).toEqual({
      prompt: 'Where is the table?',
      response: 'the oak table',
      model: 'tiny',
      promptTokens: 7,
      completionTokens: 3,
      tenant: 'acme',
    });
  });

  it('keeps a chat as role: content lines in order', () => {
    const record = conversationOf(
      {
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: 'Where is the table?' },
        ],
      },
      result,
      undefined,
    );
    expect(record.prompt).toBe('system: Be brief.\nuser: Where is the table?');
    expect(record.tenant).toBeUndefined();
  });
});
