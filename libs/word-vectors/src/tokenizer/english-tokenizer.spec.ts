import { EnglishTokenizer, splitWords, type Token } from './english-tokenizer';

// A vocabulary shaped like wink's: no single letters, no apostrophes, dots or leading digits.
const VOCABULARY = [
  'the',
  'man',
  'do',
  'not',
  'can',
  'will',
  'is',
  'are',
  'have',
  'would',
  'am',
  'he',
  'they',
  'three',
  'thousand',
  'first',
  'kg',
  'well-known',
  'blue',
  'eyed',
  'united',
  'states',
  'cafe',
  'rocknroll',
  'end',
  'start',
  '$',
  '%',
  'dog',
];
const rows = new Map(VOCABULARY.map((word, row) => [word, row]));
const tokenizer = new EnglishTokenizer((word) => rows.get(word));

/** Tokens as words, unknown ones in brackets, so expectations read as text. */
function words(text: string): string[] {
  return tokenizer
    .tokenize(text)
    .map((token: Token) => (typeof token === 'number' ? VOCABULARY[token] : `[${token}]`));
}

describe('splitWords', () => {
  it('lowercases and splits on punctuation, symbols and emoji', () => {
    expect(splitWords('The MAN, (smiling) 🙂 said: "Hi!"')).toEqual([
      'the',
      'man',
      'smiling',
      'said',
      'hi',
    ]);
  });

  it('keeps inner apostrophes, hyphens, dots and digit groups in one word', () => {
    expect(splitWords("Don't e-mail the U.S. 1,000 times.")).toEqual([
      "don't",
      'e-mail',
      'the',
      'u.s',
      '1,000',
      'times',
    ]);
  });

  it('folds typographic apostrophes and hyphens, including the acute accent', () => {
    expect(splitWords('I’m fine, Tuesday´s well‐known')).toEqual([
      "i'm",
      'fine',
      "tuesday's",
      'well-known',
    ]);
  });

  it('folds compatibility forms (fullwidth letters, ligatures) before lowercasing', () => {
    expect(splitWords('ＧＵＩＴＡＲ ﬁne')).toEqual(['guitar', 'fine']);
  });

  it('keeps letters of any script and clitics standing alone', () => {
    expect(splitWords("Ça va, Δέλτα? it 's")).toEqual(['ça', 'va', 'δέλτα', 'it', "'s"]);
  });

  it('returns nothing for empty, blank or punctuation-only text', () => {
    expect(splitWords('')).toEqual([]);
    expect(splitWords(' \n\t ')).toEqual([]);
    expect(splitWords('?! ... —')).toEqual([]);
  });
});

describe('EnglishTokenizer', () => {
  it('maps words to their vocabulary rows', () => {
    expect(tokenizer.tokenize('The man')).toEqual([rows.get('the'), rows.get('man')]);
  });

  it('splits contractions into the words they stand for', () => {
    expect(words("don't can't won't")).toEqual(['do', 'not', 'can', 'not', 'will', 'not']);
    expect(words("they're we've he'll he'd I'm")).toEqual([
      'they',
      'are',
      '[we]',
      'have',
      'he',
      'will',
      'he',
      'would',
      'am',
    ]);
  });

  it("drops the possessive 's and the frequent single letters a and i", () => {
    expect(words("a man's dog, I think")).toEqual(['man', 'dog', '[think]']);
  });

  it('joins apostrophes when that makes a known word, else keeps the token', () => {
    expect(words("rock'n'roll o'neill")).toEqual(['rocknroll', "[o'neill]"]);
  });

  it('keeps a known hyphenated word whole and splits an unknown one', () => {
    expect(words('well-known blue-eyed')).toEqual(['well-known', 'blue', 'eyed']);
  });

  it('spells small numbers and ordinals and keeps other numbers as they are', () => {
    expect(words('3 men, 1,000 times, 1st place')).toEqual([
      'three',
      '[men]',
      'thousand',
      '[times]',
      'first',
      '[place]',
    ]);
    expect(words('in 2012 for $3.50 or 75%')).toEqual([
      '[in]',
      '[2012]',
      '[for]',
      '$',
      '[3.50]',
      '[or]',
      '[75]',
      '%',
    ]);
    expect(words('5kg 1990s 11th')).toEqual(['[five]', 'kg', '[1990s]', '[11th]']);
  });

  it('expands known abbreviations and keeps other initials as one token', () => {
    expect(words('the U.S. and D.C.')).toEqual(['the', 'united', 'states', '[and]', '[d.c]']);
  });

  it('splits words run together by a full stop', () => {
    expect(words('the end.Start')).toEqual(['the', 'end', 'start']);
  });

  it('strips accents when that makes a known word', () => {
    expect(words('café naïve')).toEqual(['cafe', '[naive]']);
  });

  it('keeps other single letters as unknown tokens', () => {
    expect(words('plan b')).toEqual(['[plan]', '[b]']);
  });

  it('yields no tokens for text without words', () => {
    expect(tokenizer.tokenize('')).toEqual([]);
    expect(tokenizer.tokenize('   ')).toEqual([]);
    expect(tokenizer.tokenize('... !!! 🙂')).toEqual([]);
  });
});
