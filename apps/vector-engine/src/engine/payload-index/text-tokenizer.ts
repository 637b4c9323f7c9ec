import type { TextTokenizer } from '../filter/compile-match';
import type { TokenizerType } from './payload-index.types';

// Tokenization of a full-text index, following Qdrant's: split into words, fold accents if asked,
// lowercase, drop stopwords and tokens outside [min_token_len, max_token_len] characters. The
// prefix tokenizer stores every prefix of a word (from min_token_len characters) and reads a
// query word as one prefix, cut at max_token_len. Stemmers and the built-in stopword lists of
// languages are not implemented: tokens are not stemmed and only custom stopwords apply.

export interface TextTokenizerOptions {
  readonly tokenizer: TokenizerType;
  readonly lowercase: boolean;
  readonly asciiFolding: boolean;
  readonly minTokenLen?: number;
  readonly maxTokenLen?: number;
  readonly stopwords: ReadonlySet<string>;
}

/** The options of a text index's params (Qdrant's TextIndexParams), with Qdrant's defaults. */
export function textTokenizerOptions(
  params: Record<string, unknown> | undefined,
): TextTokenizerOptions {
  const lowercase = params?.lowercase !== false;
  const stopwords = (params?.stopwords as { custom?: string[] | null } | undefined)?.custom ?? [];
  return {
    tokenizer: (params?.tokenizer as TokenizerType | undefined) ?? 'word',
    lowercase,
    asciiFolding: params?.ascii_folding === true,
    minTokenLen: (params?.min_token_len as number | null | undefined) ?? undefined,
    maxTokenLen: (params?.max_token_len as number | null | undefined) ?? undefined,
    stopwords: new Set(stopwords.map((word) => (lowercase ? word.toLowerCase() : word))),
  };
}

// A word is a run of letters and digits; multilingual reads text the same way here.
const NOT_WORD = /[^\p{Alphabetic}\p{N}]+/u;
const WHITESPACE = /\s+/;

export function createTextTokenizer(options: TextTokenizerOptions): TextTokenizer {
  const { minTokenLen, maxTokenLen } = options;
  const normalize = (word: string): string => {
    const folded = options.asciiFolding ? foldToAscii(word) : word;
    return options.lowercase ? folded.toLowerCase() : folded;
  };
  const lengthOk = (token: string, checkMax: boolean): boolean => {
    if (minTokenLen === undefined && (maxTokenLen === undefined || !checkMax)) return true;
    const length = [...token].length;
    return !(
      (minTokenLen !== undefined && length < minTokenLen) ||
      (checkMax && maxTokenLen !== undefined && length > maxTokenLen)
    );
  };
  const process = (word: string, checkMax: boolean): string | undefined => {
    if (word.length === 0) return undefined;
    const token = normalize(word);
    if (options.stopwords.has(token) || !lengthOk(token, checkMax)) return undefined;
    return token;
  };

  if (options.tokenizer !== 'prefix') {
    const separator = options.tokenizer === 'whitespace' ? WHITESPACE : NOT_WORD;
    return (text) => {
      const tokens: string[] = [];
      for (const word of text.split(separator)) {
        const token = process(word, true);
        if (token !== undefined) tokens.push(token);
      }
      return tokens;
    };
  }

  const minPrefix = Math.max(1, minTokenLen ?? 1);
  const maxPrefix = maxTokenLen ?? Infinity;
  return (text, kind = 'document') => {
    const tokens: string[] = [];
    for (const word of text.split(NOT_WORD)) {
      if (kind === 'query') {
        // A query word is one prefix; stopwords do not apply, so "the" still finds "theory".
        if (word.length === 0) continue;
        const chars = [...normalize(word)];
        if (minTokenLen !== undefined && chars.length < minTokenLen) continue;
        tokens.push(chars.slice(0, maxPrefix).join(''));
        continue;
      }
      const token = process(word, false);
      if (token === undefined) continue;
      const chars = [...token];
      for (let n = minPrefix; n <= maxPrefix; n++) {
        if (n >= chars.length) {
          tokens.push(token);
          break;
        }
        tokens.push(chars.slice(0, n).join(''));
      }
    }
    return tokens;
  };
}

// Letters that do not decompose into an ASCII base plus combining marks.
const FOLDED: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  Æ: 'AE',
  œ: 'oe',
  Œ: 'OE',
  ø: 'o',
  Ø: 'O',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  ł: 'l',
  Ł: 'L',
  þ: 'th',
  Þ: 'TH',
  ı: 'i',
};

/** Folds accented letters to ASCII ("ação" -> "acao"). */
export function foldToAscii(text: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) return text;
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[ßæÆœŒøØđĐðÐłŁþÞı]/g, (letter) => FOLDED[letter] ?? letter);
}
