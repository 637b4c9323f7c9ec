import { ErrorCode, PlatformError, type TokenLogprob } from '@aip/contracts';
import type { LlamaContextSequence, LlamaModel, Token } from '../../llama/llama-types';
import { tokenLogprob } from './sampled-tokens';

/**
 * Most prompt tokens whose log probabilities one request may ask for: each position's whole
 * distribution over the vocabulary crosses into JavaScript, ~128k entries for a large model.
 */
export const MAX_PROMPT_LOGPROB_TOKENS = 2048;

/** The token node-llama-cpp's LlamaCompletion puts before a prompt, if any (its own rule). */
function startToken(model: LlamaModel): Token | null {
  const type = String(model.vocabularyType);
  if (type === 'rwkv' || type === 'ugm') return null;
  if (type === 'wpm') return model.tokens.bos;
  return model.tokens.shouldPrependBosToken ? model.tokens.bos : null;
}

/** A prompt's tokens as LlamaCompletion makes them, with the start token it prepends. */
export function tokenizeAsCompletion(
  model: LlamaModel,
  prompt: string,
): { start: Token | null; tokens: Token[] } {
  const start = startToken(model);
  return {
    start,
    tokens: model.tokenize(prompt, false, start === null ? undefined : 'trimLeadingSpace'),
  };
}

/**
 * Evaluates a prompt into an empty sequence with the distribution of the next token after each
 * position, and so the log probability of every prompt token given those before it: one pass,
 * after which a completion of the same tokens re-evaluates only the last one. Without a start
 * token nothing predicts the first token, whose log probability is then null.
 */
export async function evaluatePromptLogprobs(
  sequence: LlamaContextSequence,
  model: LlamaModel,
  prompt: { start: Token | null; tokens: Token[] },
  top: number,
): Promise<TokenLogprob[]> {
  if (prompt.tokens.length > MAX_PROMPT_LOGPROB_TOKENS) {
    throw new PlatformError(
      ErrorCode.ValidationFailed,
      `The prompt has ${prompt.tokens.length} tokens; echo with logprobs reports at most ${MAX_PROMPT_LOGPROB_TOKENS}`,
      { field: 'prompt', limit: MAX_PROMPT_LOGPROB_TOKENS },
    );
  }
  const input = prompt.start === null ? prompt.tokens : [prompt.start, ...prompt.tokens];
  await sequence.clearHistory();
  const outputs = await sequence.controlledEvaluate(
    input.map((token) => [token, { generateNext: { probabilities: true } }]),
  );
  const offset = input.length - prompt.tokens.length;
  return prompt.tokens.map((token, index) => {
    const context = prompt.tokens.slice(Math.max(0, index - 16), index);
    const text = (t: number) => model.detokenize([t as Token], false, context);
    const before = outputs[offset + index - 1]?.next.probabilities;
    if (!before) {
      const own = text(token);
      return { token: own, logprob: null, bytes: [...Buffer.from(own, 'utf8')], top_logprobs: [] };
    }
    return tokenLogprob({ token, probabilities: before }, top, text);
  });
}
