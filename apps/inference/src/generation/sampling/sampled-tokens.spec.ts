import { LOGPROB_FLOOR, takeSampled, tokenLogprob, type SampledToken } from './sampled-tokens';

const texts: Record<number, string> = { 1: ' the', 2: ' cat', 3: 'é', 4: ' dog', 5: '!' };
const text = (token: number) => texts[token] ?? `<${token}>`;
const distribution = (...pairs: [number, number][]) => new Map(pairs);

describe('takeSampled (sampled tokens matched to the output node-llama-cpp released)', () => {
  it('takes each output token off the front, skipping sampled tokens the output left out', () => {
    const queue: SampledToken[] = [{ token: 1 }, { token: 9 }, { token: 2 }, { token: 4 }];
    expect(takeSampled(queue, [1, 2]).map((s) => s.token)).toEqual([1, 2]);
    expect(queue).toEqual([{ token: 4 }]);
  });

  it('scores a token that was never sampled (re-tokenized text) by the distribution at its place', () => {
    const at = distribution([4, 0.5], [5, 0.25]);
    const queue: SampledToken[] = [{ token: 4, probabilities: at }];
    expect(takeSampled(queue, [5])).toEqual([{ token: 5, probabilities: at, confidence: 0.25 }]);
    expect(queue).toEqual([]);
  });
});

describe('tokenLogprob (a token in OpenAI shape)', () => {
  it('gives its log probability, bytes and the top alternatives the sampler kept', () => {
    const sampled = {
      token: 2,
      probabilities: distribution([2, 0.5], [4, 0.25], [3, 0.25], [1, 0]),
    };
    expect(tokenLogprob(sampled, 5, text)).toEqual({
      token: ' cat',
      logprob: Math.log(0.5),
      bytes: [32, 99, 97, 116],
      top_logprobs: [
        { token: ' cat', logprob: Math.log(0.5), bytes: [32, 99, 97, 116] },
        { token: ' dog', logprob: Math.log(0.25), bytes: [32, 100, 111, 103] },
        { token: 'é', logprob: Math.log(0.25), bytes: [0xc3, 0xa9] },
      ],
    });
    expect(tokenLogprob(sampled, 1, text).top_logprobs).toHaveLength(1);
  });

  it('takes the confidence alone when no alternatives were asked for, and floors a zero', () => {
    expect(tokenLogprob({ token: 1, confidence: 0.125 }, 0, text)).toEqual({
      token: ' the',
      logprob: Math.log(0.125),
      bytes: [32, 116, 104, 101],
      top_logprobs: [],
    });
    expect(tokenLogprob({ token: 1, confidence: 0 }, 0, text).logprob).toBe(LOGPROB_FLOOR);
  });
});
