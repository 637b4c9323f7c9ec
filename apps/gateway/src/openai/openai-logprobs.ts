import type { TokenLogprob } from '@aip/contracts';

/** The legacy completions API's log probabilities: parallel lists, one entry per token. */
export interface CompletionLogprobs {
  tokens: string[];
  token_logprobs: (number | null)[];
  /** The alternatives at each token, by their text; null where nothing predicted the token. */
  top_logprobs: (Record<string, number> | null)[];
  /** Where each token starts in the choice's text (which, with echo, begins with the prompt). */
  text_offset: number[];
}

/** Tokens in the completions API's shape, the first one starting `offset` characters in. */
export function completionLogprobs(
  entries: readonly TokenLogprob[],
  offset: number,
): CompletionLogprobs {
  const result: CompletionLogprobs = {
    tokens: [],
    token_logprobs: [],
    top_logprobs: [],
    text_offset: [],
  };
  let at = offset;
  for (const entry of entries) {
    result.tokens.push(entry.token);
    result.token_logprobs.push(entry.logprob);
    result.top_logprobs.push(
      entry.logprob === null
        ? null
        : Object.fromEntries(entry.top_logprobs.map((top) => [top.token, top.logprob])),
    );
    result.text_offset.push(at);
    at += entry.token.length;
  }
  return result;
}

/** The chat API's log probabilities of one choice's content. */
export function chatLogprobs(
  entries: readonly TokenLogprob[] | undefined,
): { content: TokenLogprob[]; refusal: null } | null {
  return entries === undefined ? null : { content: [...entries], refusal: null };
}
