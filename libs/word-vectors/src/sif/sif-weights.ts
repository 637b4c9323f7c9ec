/** How word vectors are weighted before they are averaged. */
export type Weighting = 'sif' | 'usif';

/**
 * SIF (Arora et al. 2017): a / (a + p(w)). Frequent words weigh ~0, rare ones ~1; the paper's
 * a = 1e-3 sits where a word's weight is 1/2 (here, about rank 75 under Zipf).
 */
export function sifWeight(probability: number, a: number): number {
  return a / (a + probability);
}

/** uSIF (Ethayarajh 2018): a / (a/2 + p(w)), with `a` derived from the vocabulary below. */
export function usifWeight(probability: number, a: number): number {
  return a / (0.5 * a + probability);
}

/**
 * uSIF's parameter a, free of tuning: the probability that a random walk of `sentenceLength`
 * steps meets a given word decides which words count as frequent (α is their share of the
 * vocabulary), and a = (1 - α) / (α · Z) with Z = |V| / 2. The paper uses a length of 11 for
 * STS-like text.
 */
export function usifParameter(probabilities: Float64Array, sentenceLength: number): number {
  const vocabulary = probabilities.length;
  const threshold = 1 - (1 - 1 / vocabulary) ** sentenceLength;
  let frequent = 0;
  for (const probability of probabilities) if (probability > threshold) frequent++;
  const alpha = Math.max(frequent, 1) / vocabulary;
  return (1 - alpha) / (alpha * 0.5 * vocabulary);
}
