/**
 * Word lists for the tokenizer. GloVe splits "don't" into "do" + "n't" and keeps tokens such
 * as "n't", "'s", "a", "i", "u.s." and numbers, but the wink package dropped every token with
 * an apostrophe, a dot or a leading digit and every single letter; these tables map such
 * tokens to words the vocabulary does have.
 */

/** Clitics split off a word, and the words they stand for ("'s" is mostly possessive). */
export const CLITICS: Readonly<Record<string, readonly string[]>> = {
  "n't": ['not'],
  "'re": ['are'],
  "'ve": ['have'],
  "'ll": ['will'],
  "'d": ['would'],
  "'m": ['am'],
  "'s": [],
};

/** Stems that "n't" leaves behind when it is split off ("can't" -> "ca" + "n't"). */
export const NEGATED_STEMS: Readonly<Record<string, string>> = {
  ca: 'can',
  wo: 'will',
  sha: 'shall',
  ai: 'is',
};

/**
 * Single letters that are frequent words. GloVe ranks them among its 50 most frequent tokens,
 * where the weights give a word about 5% of a content word's share; wink has no vector for
 * them, so they are dropped rather than given a random one.
 */
export const DROPPED_LETTERS: ReadonlySet<string> = new Set(['a', 'i']);

/** Dotted abbreviations whose letters alone would be unknown or another word ("u.s" is not "us"). */
export const ABBREVIATIONS: Readonly<Record<string, readonly string[]>> = {
  'u.s': ['united', 'states'],
  'u.k': ['britain'],
  'u.n': ['un'],
  'e.g': ['example'],
  'i.e': [],
};

const UNITS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
  'twenty',
];
const TENS = ['thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const ORDINALS = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
];

/**
 * The word for a number written in digits when English usually spells it ("3 men" and
 * "three men" are the same), undefined for other numbers (years, prices, measures): those stay
 * distinct tokens, so "2012" matches only "2012".
 */
export function numberWord(value: number): string | undefined {
  if (!Number.isInteger(value) || value < 0) return undefined;
  if (value < UNITS.length) return UNITS[value];
  if (value < 100 && value % 10 === 0) return TENS[value / 10 - 3];
  if (value === 100) return 'hundred';
  if (value === 1000) return 'thousand';
  return undefined;
}

export function ordinalWord(value: number): string | undefined {
  return ORDINALS[value - 1];
}
