import { countTokens } from './token-counter';

interface Piece {
  text: string;
  tokens: number;
}

/** Sentences and line breaks end a piece; the whitespace after them stays with it. */
const SENTENCE = /[^\n.!?]*(?:[.!?]+|\n+|$)\s*/g;
const WORD = /\S+\s*|\s+/g;
/** Characters per slice of a single "word" too long for a chunk (a URL, a base64 blob). */
const CHARS_PER_TOKEN_FLOOR = 2;

function matches(text: string, pattern: RegExp): string[] {
  return (text.match(pattern) ?? []).filter((part) => part.length > 0);
}

/** The text cut at sentence, then word, then character boundaries: no piece over maxTokens. */
function pieces(text: string, maxTokens: number): Piece[] {
  const out: Piece[] = [];
  const add = (part: string, level: number): void => {
    const tokens = countTokens(part);
    if (tokens <= maxTokens) {
      out.push({ text: part, tokens });
    } else if (level === 0) {
      for (const word of matches(part, WORD)) add(word, 1);
    } else {
      const size = maxTokens * CHARS_PER_TOKEN_FLOOR;
      for (let at = 0; at < part.length; at += size) {
        const slice = part.slice(at, at + size);
        out.push({ text: slice, tokens: countTokens(slice) });
      }
    }
  };
  for (const sentence of matches(text, SENTENCE)) add(sentence, 0);
  return out;
}

/**
 * Plain text in chunks of about maxTokens, each starting with about overlapTokens of the previous
 * one's end so a sentence cut between two chunks is still whole in one of them. Cuts fall on
 * sentence boundaries where they can, then on words.
 */
export function splitText(text: string, maxTokens: number, overlapTokens: number): string[] {
  const chunks: string[] = [];
  let current: Piece[] = [];
  let tokens = 0;
  const emit = (): void => {
    const chunk = current
      .map((p) => p.text)
      .join('')
      .trim();
    if (chunk.length > 0) chunks.push(chunk);
  };
  for (const piece of pieces(text, maxTokens)) {
    if (tokens + piece.tokens > maxTokens && current.length > 0) {
      emit();
      const carried: Piece[] = [];
      let carriedTokens = 0;
      for (let i = current.length - 1; i >= 0; i--) {
        if (carriedTokens + current[i]!.tokens > overlapTokens) break;
        carried.unshift(current[i]!);
        carriedTokens += current[i]!.tokens;
      }
      // The overlap gives way when it would not leave room for the next piece.
      while (carried.length > 0 && carriedTokens + piece.tokens > maxTokens)
        carriedTokens -= carried.shift()!.tokens;
      current = carried;
      tokens = carriedTokens;
    }
    current.push(piece);
    tokens += piece.tokens;
  }
  emit();
  return chunks;
}
