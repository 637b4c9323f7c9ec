/**
 * Word probabilities estimated from frequency rank alone by Zipf's law, p(rank) ∝ 1/(rank+1)^s,
 * normalised over the vocabulary: wink ships ranks, not counts. For English s ≈ 1; the
 * estimate is rough for the very first ranks, but SIF weights there are close to 0 either way.
 */
export function zipfProbabilities(count: number, exponent = 1): Float64Array {
  const probabilities = new Float64Array(count);
  let total = 0;
  for (let rank = 0; rank < count; rank++) {
    probabilities[rank] = (rank + 1) ** -exponent;
    total += probabilities[rank];
  }
  for (let rank = 0; rank < count; rank++) probabilities[rank] /= total;
  return probabilities;
}
