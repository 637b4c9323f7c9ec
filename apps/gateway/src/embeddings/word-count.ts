/**
 * Whitespace-separated words: what the embedding routes report as tokens (the models here have
 * no shared tokenizer).
 */
export function countTokens(texts: string[]): number {
  return texts.reduce(
    (sum, text) => sum + (text.trim() === '' ? 0 : text.trim().split(/\s+/).length),
    0,
  );
}
