import {
  ABBREVIATIONS,
  CLITICS,
  DROPPED_LETTERS,
  NEGATED_STEMS,
  numberWord,
  ordinalWord,
} from './english-tables';

/** A vocabulary row, or the text of a token the vocabulary lacks. */
export type Token = number | string;

/** Row of a word in the vocabulary, undefined when absent. */
export type Lookup = (word: string) => number | undefined;

// Letters or digits, joined by single inner apostrophes, dots, commas or hyphens ("don't",
// "u.s", "1,000", "e-mail"); a clitic standing alone (pre-tokenised text: "it 's"); currency
// and percent signs, which have vectors of their own.
const WORD = /[\p{L}\p{N}\p{M}]+(?:['.,-][\p{L}\p{N}\p{M}]+)*|'(?:s|re|ve|ll|d|m)\b|[$%&£€¥]/gu;
const NON_ASCII = /[\u0080-\uffff]/;
const APOSTROPHES = /[\u2018\u2019\u02bc\u2032\u00b4]/g;
const HYPHENS = /[\u2010\u2011]/g;
const MARKS = /\p{M}+/gu;
const CLITIC = /'(?:s|re|ve|ll|d|m)$/;
const THOUSANDS = /^\d{1,3}(?:,\d{3})+$/;
const INTEGER = /^\d+$/;
const ORDINAL = /^(\d+)(?:st|nd|rd|th)$/;
const NUMBER_AND_UNIT = /^(\d+)([a-z]{2,})$/;

/**
 * The candidate words of a text, lowercased: Unicode letters and digits, with apostrophe and
 * hyphen variants folded to ASCII; punctuation, symbols and emoji are separators.
 */
export function splitWords(text: string): string[] {
  // Apostrophes before NFKC, which turns the acute accent ("I´m") into a space and a mark;
  // lowercase after it, which may make capitals (fullwidth letters, ligatures).
  const normalised = NON_ASCII.test(text)
    ? text.replace(APOSTROPHES, "'").normalize('NFKC').replace(HYPHENS, '-').toLowerCase()
    : text.toLowerCase();
  return normalised.match(WORD) ?? [];
}

/**
 * English text to vocabulary rows, mapping the forms the wink vocabulary lacks (contractions,
 * numbers, dotted abbreviations, accents, unknown hyphenated compounds) to forms it has.
 * Anything still unknown is kept as a string, so the caller can give it a vector of its own.
 */
export class EnglishTokenizer {
  constructor(private readonly lookup: Lookup) {}

  tokenize(text: string): Token[] {
    const tokens: Token[] = [];
    for (const word of splitWords(text)) this.resolve(word, tokens);
    return tokens;
  }

  private resolve(word: string, out: Token[]): void {
    const row = this.lookup(word);
    if (row !== undefined) {
      out.push(row);
    } else if (word.includes('-')) {
      // An unknown compound ("blue-eyed") is its parts.
      for (const part of word.split('-')) this.resolve(part, out);
    } else if (isDigit(word.charCodeAt(0))) {
      this.resolveNumber(word, out);
    } else if (word.includes("'")) {
      this.resolveApostrophe(word, out);
    } else if (word.includes('.')) {
      this.resolveDotted(word, out);
    } else if (word.includes(',')) {
      for (const part of word.split(',')) this.resolve(part, out);
    } else if (NON_ASCII.test(word)) {
      this.resolveAccented(word, out);
    } else if (!DROPPED_LETTERS.has(word)) {
      out.push(word);
    }
  }

  private resolveNumber(word: string, out: Token[]): void {
    const plain = THOUSANDS.test(word) ? word.replace(/,/g, '') : word;
    const ordinal = ORDINAL.exec(plain);
    const withUnit = NUMBER_AND_UNIT.exec(plain);
    const spelled = INTEGER.test(plain)
      ? numberWord(Number(plain))
      : ordinal
        ? ordinalWord(Number(ordinal[1]))
        : undefined;
    if (spelled !== undefined) {
      this.resolve(spelled, out);
    } else if (withUnit && !ordinal) {
      // "10am", "5kg": the number and the unit.
      this.resolve(withUnit[1], out);
      this.resolve(withUnit[2], out);
    } else {
      out.push(plain);
    }
  }

  private resolveApostrophe(word: string, out: Token[]): void {
    if (word.endsWith("n't")) {
      const stem = word.slice(0, -3);
      if (stem) this.resolve(NEGATED_STEMS[stem] ?? stem, out);
      this.resolveWords(CLITICS["n't"], out);
      return;
    }
    const clitic = CLITIC.exec(word);
    if (clitic) {
      if (clitic.index > 0) this.resolve(word.slice(0, clitic.index), out);
      this.resolveWords(CLITICS[clitic[0]], out);
      return;
    }
    // "rock'n'roll" is "rocknroll" in wink; a name such as "o'neill" may not be there at all.
    const joined = word.replace(/'/g, '');
    const row = this.lookup(joined);
    out.push(row ?? word);
  }

  private resolveDotted(word: string, out: Token[]): void {
    const expansion = ABBREVIATIONS[word];
    if (expansion) {
      this.resolveWords(expansion, out);
    } else if (word.split('.').every((part) => part.length === 1)) {
      // An abbreviation by initials ("p.m", "d.c"): joining the letters would make another word.
      out.push(word);
    } else {
      // Words run together by a missing space after a full stop.
      for (const part of word.split('.')) this.resolve(part, out);
    }
  }

  private resolveAccented(word: string, out: Token[]): void {
    // wink keeps almost no accented words: "café" is "cafe" there.
    const stripped = word.normalize('NFD').replace(MARKS, '');
    if (stripped === word) out.push(word);
    else if (stripped) this.resolve(stripped, out);
  }

  private resolveWords(words: readonly string[], out: Token[]): void {
    for (const word of words) this.resolve(word, out);
  }
}

const isDigit = (code: number): boolean => code >= 0x30 && code <= 0x39;
