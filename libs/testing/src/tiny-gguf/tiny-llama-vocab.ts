/** SentencePiece token types (llama.cpp's llama_token_type). */
export enum TokenType {
  Normal = 1,
  Unknown = 2,
  Control = 3,
  Byte = 6,
}

export interface TinyVocab {
  tokens: string[];
  scores: number[];
  types: TokenType[];
}

/** SentencePiece's word-start marker, standing for the space before a word. */
const WORD_START = '\u2581';

/** Words the default vocabulary spells as single pieces: enough for readable test prompts. */
export const DEFAULT_TINY_WORDS: readonly string[] = (
  'the a an and or of to in on for with is are was be it this that you we they he she ' +
  'hello world good morning what who how why when where yes no not model text answer ' +
  'question kitchen oak modern garden dog cat park city house water food code data test'
).split(' ');

/**
 * A llama (SentencePiece) vocabulary: `<unk>`, `<s>`, `</s>` (ids 0, 1, 2), the 256 byte
 * fallback pieces `<0xHH>` (any text tokenizes), the word-start marker and printable ASCII,
 * then every prefix of each `▁word`: SentencePiece merges two pieces only when their joined
 * text is itself a piece, so a whole word is reachable only through its prefixes.
 */
export function buildTinyVocab(words: readonly string[]): TinyVocab {
  const pieces = new Map<string, TokenType>([
    ['<unk>', TokenType.Unknown],
    ['<s>', TokenType.Control],
    ['</s>', TokenType.Control],
  ]);
  for (let byte = 0; byte < 256; byte++) {
    pieces.set(`<0x${byte.toString(16).toUpperCase().padStart(2, '0')}>`, TokenType.Byte);
  }
  pieces.set(WORD_START, TokenType.Normal);
  for (let code = 0x21; code <= 0x7e; code++)
    pieces.set(String.fromCharCode(code), TokenType.Normal);
  for (const word of words) {
    const piece = `${WORD_START}${word}`;
    for (let end = 2; end <= piece.length; end++) {
      if (!pieces.has(piece.slice(0, end))) pieces.set(piece.slice(0, end), TokenType.Normal);
    }
  }
  const tokens = [...pieces.keys()];
  const types = [...pieces.values()];
  // Longer pieces score higher, so merges prefer whole words.
  const scores = tokens.map((token, i) => (types[i] === TokenType.Normal ? [...token].length : 0));
  return { tokens, scores, types };
}
