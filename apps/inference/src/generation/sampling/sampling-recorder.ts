import type { LogprobsRequest, TokenLogprob } from '@aip/contracts';
import type { LlamaContextSequence, LlamaModel, Token } from '../../llama/llama-types';
import { takeSampled, tokenLogprob, type SampledToken } from './sampled-tokens';

/** How many earlier tokens give a token's text its context (a leading space, a split character). */
const DETOKENIZE_CONTEXT = 16;

/**
 * What one generation samples, seen in the same pass that generates it: how many tokens, and
 * (with `logprobs`) each one's probability. node-llama-cpp's LlamaChat and LlamaCompletion
 * sample through `sequence.evaluate`, which reports neither, and its output callbacks skip what
 * the model wrote in function calling syntax. The sequence handed to them here answers
 * `evaluate` with `evaluateWithMetadata`, which reports probabilities, records each sampled
 * token, and passes only the token on. Everything else reaches the real sequence, bound to it,
 * so its state stays its own.
 */
export class SamplingRecorder {
  readonly sequence: LlamaContextSequence;
  private readonly sampled: SampledToken[] = [];
  private readonly output: Token[] = [];
  private sampledCount = 0;

  constructor(
    target: LlamaContextSequence,
    private readonly model: LlamaModel,
    private readonly logprobs: LogprobsRequest | undefined,
    /** Called at each token sampled, before it enters the sequence, with the count so far. */
    onSample?: (sampled: number) => void,
  ) {
    const metadata =
      logprobs === undefined
        ? {}
        : logprobs.top > 0
          ? { probabilities: true }
          : { confidence: true };
    const sampled = logprobs === undefined ? undefined : this.sampled;
    const counted = () => onSample?.(++this.sampledCount);
    async function* evaluate(
      tokens: Token[],
      options?: Parameters<LlamaContextSequence['evaluate']>[1],
    ): AsyncGenerator<Token, void, void | Token | Token[]> {
      const iterator = target.evaluateWithMetadata(tokens, metadata, options);
      let input: void | Token | Token[] = undefined;
      try {
        while (true) {
          const next = await iterator.next(input);
          if (next.done) return;
          const value = next.value as SampledToken & { token: Token };
          counted();
          sampled?.push(value);
          input = yield value.token;
        }
      } finally {
        await iterator.return();
      }
    }
    this.sequence = new Proxy(target, {
      get: (sequence, property) => {
        if (property === 'evaluate') return evaluate;
        const value: unknown = Reflect.get(sequence, property, sequence);
        return typeof value === 'function' ? (value as () => unknown).bind(sequence) : value;
      },
    });
  }

  /** Every token sampled so far, output or not (function calls, stop strings). */
  get count(): number {
    return this.sampledCount;
  }

  /**
   * With `logprobs`: the entries of the tokens node-llama-cpp released as output (its `onToken`),
   * in order.
   */
  logprobsOf(tokens: readonly Token[]): TokenLogprob[] {
    const top = this.logprobs?.top ?? 0;
    return takeSampled(this.sampled, tokens).map((sampled) => {
      const context = this.output.slice(-DETOKENIZE_CONTEXT);
      const entry = tokenLogprob(sampled, top, (token) =>
        this.model.detokenize([token as Token], false, context),
      );
      this.output.push(sampled.token as Token);
      return entry;
    });
  }
}
