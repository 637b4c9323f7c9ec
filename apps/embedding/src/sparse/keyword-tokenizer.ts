import { splitWords } from '@aip/word-vectors';
import { KEYWORD_STOPWORDS } from './keyword-stopwords';

const MARKS = /\p{M}+/gu;
const NON_ASCII = /[\u0080-\uffff]/;
const POSSESSIVE = /'s?$/;
/** "don't", "we'll", "I'd": a pronoun or auxiliary with a clitic, a function word as a whole. */
const CONTRACTION = /(?:n't|'re|'ve|'ll|'d|'m)$/;
const NUMBER = /^\d[\d.,]*$/;
const VOWEL = /[aeiouy]/;
/**
 * A consonant doubled after a short vowel, undone after -ed/-ing ("stopped" -> "stop"); ll, ss
 * and zz stay ("falling" -> "fall"), and so does "add" (no consonant before its vowel).
 */
const DOUBLED = /([^aeiou][aeiou])([bcdfghjkmnpqrtvwx])\2$/;
/** Shortest stem a suffix may leave, so "used", "bed" and "sing" stay whole. */
const MIN_STEM = 3;

/**
 * Text to keyword terms for BM25: lowercase words (Unicode letters and digits, accents
 * folded), possessives and contractions handled, stopwords dropped, and each word reduced by a
 * light suffix stemmer so that "finishes", "finished" and "finish" are one term. Terms are
 * stored in sparse vectors: any change here must come with a re-index.
 */
export function keywordTerms(text: string): string[] {
  const terms: string[] = [];
  for (const word of splitWords(text)) {
    for (const part of splitWord(word)) {
      if (part.length < 2 && !NUMBER.test(part)) continue;
      if (KEYWORD_STOPWORDS.has(part)) continue;
      terms.push(NUMBER.test(part) ? part : stem(part));
    }
  }
  return terms;
}

/** One word of splitWords to the parts that are terms. */
function splitWord(raw: string): string[] {
  const word = NON_ASCII.test(raw) ? raw.normalize('NFD').replace(MARKS, '') : raw;
  if (word.includes("'")) {
    if (CONTRACTION.test(word)) return [];
    // "john's" -> "john", "students'" -> "students", "o'neill" -> "oneill".
    return splitWord(word.replace(POSSESSIVE, '').replace(/'/g, ''));
  }
  if (NUMBER.test(word)) {
    // "1,000" is "1000"; a trailing dot or comma is punctuation.
    return [word.replace(/,(?=\d{3})/g, '').replace(/[.,]+$/, '')];
  }
  const parts = word.split(/[.,-]/).filter(Boolean);
  // Initials ("u.s", "e.g") are one term; a compound ("state-of-the-art") is its words.
  if (word.includes('.') && parts.every((p) => p.length === 1)) return [parts.join('')];
  return parts;
}

/**
 * A light English stemmer (plural and -ed/-ing endings, then a final "e"), in the spirit of
 * Porter's step 1 and 5a: forms of a word meet on one stem ("houses", "house" -> "hous";
 * "renovated", "renovating", "renovate" -> "renovat"). Stems need not be words.
 */
export function stem(word: string): string {
  let s = stripPlural(word);
  const verbal = stripVerbal(s);
  // "studied" -> "study", like "studies".
  if (verbal !== s) s = verbal.replace(DOUBLED, '$1$2').replace(/i$/, 'y');
  if (s.length > MIN_STEM && s.endsWith('e')) s = s.slice(0, -1);
  return s;
}

function stripPlural(word: string): string {
  if (word.length <= MIN_STEM) return word;
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.endsWith('ies'))
    return word.length > MIN_STEM + 2 ? `${word.slice(0, -3)}y` : word.slice(0, -1);
  if (/(?:ss|us|is)$/.test(word) || !word.endsWith('s')) return word;
  return word.slice(0, -1);
}

function stripVerbal(word: string): string {
  for (const suffix of ['ing', 'ed']) {
    if (!word.endsWith(suffix) || word.endsWith('eed')) continue;
    const base = word.slice(0, -suffix.length);
    if (base.length >= MIN_STEM && VOWEL.test(base)) return base;
  }
  return word;
}
