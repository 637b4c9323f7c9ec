import { promptKey, WarmSequences } from './warm-sequences';

class FakeSequence {
  disposed = false;
  constructor(readonly id: number) {}
  dispose(): void {
    this.disposed = true;
  }
}

const pool = (capacity: number) => {
  let created = 0;
  return new WarmSequences(() => new FakeSequence(++created), capacity);
};
const chat = (...contents: string[]) =>
  promptKey({
    messages: contents.map((content, i) => ({ role: i % 2 ? 'assistant' : 'user', content })),
  });

describe('WarmSequences (sequences kept warm, chosen by the longest shared prefix)', () => {
  it("gives a chat's next turn the sequence that holds its previous turns", () => {
    const warm = pool(2);
    const first = warm.take(chat('hello')).sequence;
    warm.give(first, promptKey({ messages: [{ role: 'user', content: 'hello' }] }, 'hi there'));
    const other = warm.take(chat('something else')).sequence;
    expect(other).not.toBe(first); // nothing shared and room left: a new sequence
    warm.give(other, chat('something else'));

    const next = warm.take(chat('hello', 'hi there', 'and now?'));
    expect(next.sequence).toBe(first);
    expect(next.sharedChars).toBe(chat('hello', 'hi there').length);
  });

  it('reuses the coldest idle sequence when the context is full and none shares a prefix', () => {
    const warm = pool(2);
    const a = warm.take(chat('a')).sequence;
    const b = warm.take(chat('b')).sequence;
    warm.give(a, chat('a'));
    warm.give(b, chat('b'));
    expect(warm.take(chat('c')).sequence).toBe(a);
    expect(warm.stats).toEqual({ live: 2, idle: 1 });
  });

  it('disposes a discarded sequence and frees its room', async () => {
    const warm = pool(1);
    const broken = warm.take(chat('x')).sequence;
    await warm.discard(broken);
    expect(broken.disposed).toBe(true);
    const fresh = warm.take(chat('x')).sequence;
    expect(fresh).not.toBe(broken);
  });

  it('keys a prompt and a chat apart, and a prompt with its output extends the prompt', () => {
    expect(promptKey({ prompt: 'abc' }, 'def').startsWith(promptKey({ prompt: 'abc' }))).toBe(true);
    expect(promptKey({ prompt: 'abc' })).not.toBe(
      promptKey({ messages: [{ role: 'user', content: 'abc' }] }),
    );
  });
});

describe('promptKey with tools', () => {
  const call = { id: 'call_1', type: 'function', function: { name: 'f', arguments: '{}' } };
  const asked = [{ role: 'user', content: 'weather?' }];

  it('keys a reply that called tools as the assistant message carrying them back next turn', () => {
    const reply = promptKey(
      { messages: asked, tools: { f: {} } },
      { content: '', toolCalls: [call] },
    );
    const nextTurn = promptKey({
      messages: [
        ...asked,
        { role: 'assistant', content: '', toolCalls: [call] },
        { role: 'tool', content: '21', toolCallId: 'call_1' },
      ],
      tools: { f: {} },
    });
    expect(nextTurn.startsWith(reply)).toBe(true);
  });

  it('gives chats with other tools, other calls or another answered call keys of their own', () => {
    const key = (tools: unknown, answers: string) =>
      promptKey({
        messages: [
          ...asked,
          { role: 'assistant', content: '', toolCalls: [call] },
          { role: 'tool', content: '21', toolCallId: answers },
        ],
        tools,
      });
    expect(key({ f: {} }, 'call_1')).not.toBe(key({ g: {} }, 'call_1'));
    expect(key({ f: {} }, 'call_1')).not.toBe(key({ f: {} }, 'call_2'));
    expect(key(undefined, 'call_1')).not.toBe(key({ f: {} }, 'call_1'));
  });

  it('gives a chat whose tools differ no sequence of the other: their prompts differ from the start', () => {
    const warm = pool(1);
    const first = warm.take(promptKey({ messages: asked, tools: { f: {} } })).sequence;
    warm.give(first, promptKey({ messages: asked, tools: { f: {} } }, 'answer'));
    expect(warm.take(promptKey({ messages: asked, tools: { g: {} } })).sharedChars).toBe(0);
  });
});
