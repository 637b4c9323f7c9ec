import { Tiktoken } from 'js-tiktoken/lite';
import cl100kBase from 'js-tiktoken/ranks/cl100k_base';
import { MAX_TEXT_CHARS } from '@aip/contracts';
import { textsOfTokenIds } from './openai-token-ids';

const cl100k = new Tiktoken(cl100kBase);

describe('token ids of /v1/embeddings', () => {
  it('reads ids tokenized with cl100k_base back into their texts, accents and all', () => {
    const texts = ['The garden is in bloom.', 'café au lait, naïve façade', '  spaces\tand\nlines'];
    expect(
      textsOfTokenIds(
        texts.map((text) => cl100k.encode(text)),
        false,
      ),
    ).toEqual(texts);
  });

  it('refuses an id with no text (a special token or past the vocabulary), naming where it is', () => {
    const ids = cl100k.encode('hello world');
    expect(() => textsOfTokenIds([ids, [...ids, 100_257]], false)).toThrow(
      expect.objectContaining({
        message: expect.stringContaining('input[1][2] is 100257'),
        details: { field: 'input[1][2]' },
      }),
    );
    expect(() => textsOfTokenIds([[5, 9_999_999]], true)).toThrow(
      expect.objectContaining({ details: { field: 'input[1]' } }),
    );
  });

  it('refuses ids whose text is longer than the platform embeds at once', () => {
    const ids = cl100k.encode('x'.repeat(MAX_TEXT_CHARS + 8));
    expect(() => textsOfTokenIds([ids], true)).toThrow(
      expect.objectContaining({ details: { field: 'input', limit: MAX_TEXT_CHARS } }),
    );
  });
});
