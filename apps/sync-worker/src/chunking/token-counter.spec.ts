import { Tiktoken } from 'js-tiktoken/lite';
import cl100kBase from 'js-tiktoken/ranks/cl100k_base';
import { countTokens } from './token-counter';

describe('countTokens', () => {
  it('counts exactly what cl100k_base encodes', () => {
    const text =
      'Tokenizers split "words", numbers like 12345 and code: const x = f(y);\n\n  indented — ünïcödé 日本語';
    expect(countTokens(text)).toBe(new Tiktoken(cl100kBase).encode(text).length);
    expect(countTokens(text)).toBe(countTokens(text));
  });

  it('counts text that looks like a special token instead of failing on it', () => {
    expect(countTokens('before <|endoftext|> after')).toBeGreaterThan(5);
  });
});
