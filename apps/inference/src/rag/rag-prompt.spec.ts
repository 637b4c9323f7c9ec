import {
  buildRagPrompt,
  contextCharsFor,
  cutText,
  RAG_CHARS_PER_TOKEN,
  RAG_CONTEXT_MAX_CHARS,
  RAG_INSTRUCTIONS,
  RAG_PASSAGE_MAX_CHARS,
  RAG_RESERVED_TOKENS,
  type RetrievedPassage,
} from './rag-prompt';

const passage = (id: number, text: string, source: string | null = null): RetrievedPassage => ({
  id,
  score: 1 - id / 10,
  similarity: 1 - id / 10,
  text,
  source,
});

describe('RAG prompt', () => {
  it('numbers the passages best first in the system message and asks the question as the user', () => {
    const prompt = buildRagPrompt(
      'Where is the oak table?',
      [
        passage(1, 'The oak table is in the kitchen.', 'inventory.md'),
        passage(2, 'Dogs like parks.'),
      ],
      [],
      RAG_CONTEXT_MAX_CHARS,
    );
    expect(prompt.messages).toHaveLength(2);
    const [system, user] = prompt.messages;
    expect(system.role).toBe('system');
    expect(system.content.startsWith(RAG_INSTRUCTIONS)).toBe(true);
    expect(system.content).toContain(
      '[1] (source: inventory.md) The oak table is in the kitchen.\n\n[2] Dogs like parks.',
    );
    expect(user).toEqual({ role: 'user', content: 'Where is the oak table?' });
    expect(prompt.passages.map((p) => [p.index, p.id, p.snippet])).toEqual([
      [1, 1, 'The oak table is in the kitchen.'],
      [2, 2, 'Dogs like parks.'],
    ]);
  });

  it('cuts a long passage at a word to the per-passage limit and says what the model saw', () => {
    const long = 'word '.repeat(RAG_PASSAGE_MAX_CHARS);
    const [fitted] = buildRagPrompt('q', [passage(1, long)], [], RAG_CONTEXT_MAX_CHARS).passages;
    expect(fitted.snippet.length).toBeLessThanOrEqual(RAG_PASSAGE_MAX_CHARS);
    expect(fitted.snippet.endsWith('word…')).toBe(true);
  });

  it('fills the context budget with the best passages, cutting the last one that fits in part', () => {
    const texts = Array.from({ length: 10 }, (_, i) => passage(i + 1, `${i} `.repeat(500)));
    const prompt = buildRagPrompt('q', texts, [], 2500);
    expect(prompt.passages.map((p) => p.id)).toEqual([1, 2, 3]);
    expect(prompt.passages[1].snippet).toBe(texts[1].text.trim());
    expect(prompt.passages[2].snippet.endsWith('…')).toBe(true);
    const context = prompt.messages[0].content.slice(RAG_INSTRUCTIONS.length);
    expect(context.length).toBeLessThanOrEqual(2500 + 'Context:'.length + 4);
  });

  it('gives past examples only the room the passages leave', () => {
    const example = {
      id: 'e1',
      question: 'Where is the oak table?',
      answer: 'In the kitchen [1].',
    };
    const roomy = buildRagPrompt('q', [passage(1, 'short')], [example], RAG_CONTEXT_MAX_CHARS);
    expect(roomy.examples).toEqual([example]);
    expect(roomy.messages[0].content).toContain(
      'Question: Where is the oak table?\nAnswer: In the kitchen [1].',
    );
    const tight = buildRagPrompt('q', [passage(1, 'x'.repeat(300))], [example], 320);
    expect(tight.passages).toHaveLength(1);
    expect(tight.examples).toEqual([]);
  });

  it('fits the context to the model: the context size less the answer, reserve and question', () => {
    const question = 'Where is the oak table?';
    expect(contextCharsFor(2048, 256, question)).toBe(
      (2048 - 256 - RAG_RESERVED_TOKENS) * RAG_CHARS_PER_TOKEN -
        RAG_INSTRUCTIONS.length -
        question.length,
    );
    expect(contextCharsFor(1_000_000, 256, question)).toBe(RAG_CONTEXT_MAX_CHARS);
    expect(contextCharsFor(256, 256, question)).toBeLessThan(0);
  });

  it('cuts texts at a word boundary and marks the cut', () => {
    expect(cutText('  short  ', 10)).toBe('short');
    expect(cutText('the oak table is in the kitchen', 16)).toBe('the oak table…');
    expect(cutText('x'.repeat(20), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});
