import { MAX_TEXT_CHARS } from '@aip/contracts';
import {
  batchesOf,
  isEmbeddingInput,
  kindOfInput,
  OPENAI_MAX_EMBEDDING_INPUTS,
} from './openai-embedding-input';

describe('OpenAI embeddings input', () => {
  it("takes OpenAI's four forms: a string, strings, token ids, lists of token ids", () => {
    for (const input of ['hello', ['a', 'b'], [1, 2, 3], [[1, 2], [3]]])
      expect(isEmbeddingInput(input)).toBe(true);
  });

  it("takes up to OpenAI's 2,048 inputs, and no more", () => {
    expect(isEmbeddingInput(Array(OPENAI_MAX_EMBEDDING_INPUTS).fill('x'))).toBe(true);
    expect(isEmbeddingInput(Array(OPENAI_MAX_EMBEDDING_INPUTS + 1).fill('x'))).toBe(false);
  });

  it('refuses an empty list, mixed lists, negative or fractional ids, and overlong text', () => {
    for (const input of [
      [],
      ['a', 1],
      [1, -2],
      [1.5],
      [[]],
      [['a']],
      'x'.repeat(MAX_TEXT_CHARS + 1),
      null,
      {},
    ])
      expect(isEmbeddingInput(input)).toBe(false);
  });

  it('tells texts from token ids', () => {
    expect(kindOfInput('hi')).toEqual({ kind: 'texts', texts: ['hi'] });
    expect(kindOfInput(['a', 'b'])).toEqual({ kind: 'texts', texts: ['a', 'b'] });
    expect(kindOfInput([5, 6])).toEqual({ kind: 'tokens', lists: [[5, 6]], single: true });
    expect(kindOfInput([[5], [6]])).toEqual({ kind: 'tokens', lists: [[5], [6]], single: false });
  });

  it('splits into consecutive batches that keep the order', () => {
    const items = Array.from({ length: 600 }, (_, i) => i);
    const batches = batchesOf(items, 256);
    expect(batches.map((b) => b.length)).toEqual([256, 256, 88]);
    expect(batches.flat()).toEqual(items);
    expect(batchesOf([], 256)).toEqual([]);
  });
});
