import type { TokenLogprob, TopLogprob } from '@aip/contracts';

/** A token as node-llama-cpp sampled it, with what it reports of the distribution. */
export interface SampledToken {
  token: number;
  /** The whole distribution, most likely first (asked for when alternatives are wanted). */
  probabilities?: ReadonlyMap<number, number>;
  /** The sampled token's own probability (asked for when only it is wanted). */
  confidence?: number;
}

/** OpenAI's floor for a log probability too small to tell (JSON has no -Infinity). */
export const LOGPROB_FLOOR = -9999;
/** How far ahead of the queue's head an output token is looked for among the sampled ones. */
const MATCH_WINDOW = 8;

export const logprobOf = (probability: number | undefined): number =>
  probability !== undefined && probability > 0
    ? Math.max(LOGPROB_FLOOR, Math.log(probability))
    : LOGPROB_FLOOR;

const utf8 = (text: string): number[] => [...Buffer.from(text, 'utf8')];

/**
 * The sampled tokens that became these output tokens, taken off the front of `queue`. The output
 * leaves out some sampled tokens (a stop string's, function call syntax), which are skipped; a
 * token that was not sampled at all (node-llama-cpp re-tokenizes the text before a stop string)
 * is scored by the distribution sampled at its position.
 */
export function takeSampled(queue: SampledToken[], tokens: readonly number[]): SampledToken[] {
  return tokens.map((token) => {
    const found = queue.slice(0, MATCH_WINDOW).findIndex((sampled) => sampled.token === token);
    if (found >= 0) return queue.splice(0, found + 1)[found]!;
    const position = queue.shift();
    return {
      token,
      probabilities: position?.probabilities,
      confidence: position?.probabilities?.get(token),
    };
  });
}

/**
 * One token in OpenAI's logprobs shape: its text (as it reads after the tokens before it), its
 * log probability and the `top` most likely tokens at its position, leaving out those the
 * sampler ruled out (probability 0: past top-k or top-p, or refused by a grammar).
 */
export function tokenLogprob(
  sampled: SampledToken,
  top: number,
  text: (token: number) => string,
): TokenLogprob {
  const own = text(sampled.token);
  const alternatives: TopLogprob[] = [];
  if (top > 0 && sampled.probabilities) {
    for (const [token, probability] of sampled.probabilities) {
      if (alternatives.length >= top || !(probability > 0)) break;
      const alternative = text(token);
      alternatives.push({
        token: alternative,
        logprob: logprobOf(probability),
        bytes: utf8(alternative),
      });
    }
  }
  return {
    token: own,
    logprob: logprobOf(sampled.confidence ?? sampled.probabilities?.get(sampled.token)),
    bytes: utf8(own),
    top_logprobs: alternatives,
  };
}
