/** Most alternatives a token's log probability may list (OpenAI's chat limit). */
export const MAX_TOP_LOGPROBS = 20;
/** Most alternatives of the legacy completions API (its `logprobs` is this count). */
export const MAX_COMPLETION_LOGPROBS = 5;

/** An alternative the model weighed at a token's position. */
export interface TopLogprob {
  token: string;
  logprob: number;
  /** The UTF-8 bytes of `token`. */
  bytes: number[];
}

/**
 * One token and its natural-log probability under the distribution it was sampled from (after
 * temperature, top-k and top-p, and a grammar when one applies), in OpenAI's chat shape.
 */
export interface TokenLogprob extends Omit<TopLogprob, 'logprob'> {
  /** Null only for a prompt's first token when the model has no start token to predict it from. */
  logprob: number | null;
  /** The most likely tokens at this position, most likely first. */
  top_logprobs: TopLogprob[];
}

/** What a request asks for: log probabilities, with this many alternatives per token. */
export interface LogprobsRequest {
  top: number;
}
