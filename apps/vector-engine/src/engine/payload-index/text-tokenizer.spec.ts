import { createTextTokenizer, foldToAscii, textTokenizerOptions } from './text-tokenizer';

const tokenizer = (params: Record<string, unknown> = {}) =>
  createTextTokenizer(textTokenizerOptions({ type: 'text', ...params }));

describe('text tokenizers', () => {
  it('splits words on anything but letters and digits, lowercased (the default)', () => {
    expect(tokenizer()('Hello, World! x2-y_3 Ünïcödé 東京')).toEqual([
      'hello',
      'world',
      'x2',
      'y',
      '3',
      'ünïcödé',
      '東京',
    ]);
    expect(tokenizer({ tokenizer: 'multilingual' })('Hello, World')).toEqual(['hello', 'world']);
  });

  it('keeps case when lowercase is false', () => {
    expect(tokenizer({ lowercase: false })('Hello World')).toEqual(['Hello', 'World']);
  });

  it('splits on whitespace only with the whitespace tokenizer', () => {
    expect(tokenizer({ tokenizer: 'whitespace' })('  Hello,  world-wide  ')).toEqual([
      'hello,',
      'world-wide',
    ]);
  });

  it('drops tokens outside the length limits, counting characters', () => {
    const limited = tokenizer({ min_token_len: 2, max_token_len: 4 });
    expect(limited('a be cee dddd eeeee ñññ')).toEqual(['be', 'cee', 'dddd', 'ñññ']);
  });

  it('drops custom stopwords, compared after lowercasing', () => {
    expect(tokenizer({ stopwords: { custom: ['The', 'a'] } })('The cat and A dog')).toEqual([
      'cat',
      'and',
      'dog',
    ]);
  });

  it('folds accents when ascii_folding is set', () => {
    expect(tokenizer({ ascii_folding: true })('Ação Straße Øre')).toEqual([
      'acao',
      'strasse',
      'ore',
    ]);
    expect(foldToAscii('plain')).toBe('plain');
  });

  describe('prefix', () => {
    const prefix = tokenizer({ tokenizer: 'prefix', min_token_len: 2, max_token_len: 4 });

    it('stores every prefix from min_token_len up to max_token_len characters', () => {
      expect(prefix('Hello hi x')).toEqual(['he', 'hel', 'hell', 'hi']);
      expect(tokenizer({ tokenizer: 'prefix' })('abc')).toEqual(['a', 'ab', 'abc']);
    });

    it('reads a query word as one prefix cut at max_token_len', () => {
      expect(prefix('HELLO hel x', 'query')).toEqual(['hell', 'hel']);
    });

    it('ignores stopwords in queries, so a partial word still finds its word', () => {
      const withStopwords = tokenizer({ tokenizer: 'prefix', stopwords: { custom: ['the'] } });
      expect(withStopwords('the theory')).toEqual(['t', 'th', 'the', 'theo', 'theor', 'theory']);
      expect(withStopwords('the', 'query')).toEqual(['the']);
    });
  });
});
