import type { Dataset } from '../data/datasets';
import type { GroundTruth } from '../data/ground-truth';
import { recallAtK } from './recall';

// Base rows 0 and 1 are the same vector: either may stand for the other in a top-1.
const dataset: Dataset = {
  name: 'glove-100',
  description: 'test',
  dim: 2,
  base: Float32Array.from([1, 0, 1, 0, 0, 1]),
  baseCount: 3,
  queries: Float32Array.from([1, 0]),
  queryCount: 1,
};
const truth: GroundTruth = {
  k: 1,
  queryCount: 1,
  ids: Int32Array.from([0]),
  scores: Float32Array.from([1]),
};

describe('recallAtK', () => {
  it('counts a result tied with the k-th true neighbour as found', () => {
    expect(recallAtK(dataset, truth, [0], [[0]])).toBe(1);
    expect(recallAtK(dataset, truth, [0], [[1]])).toBe(1);
    expect(recallAtK(dataset, truth, [0], [[2]])).toBe(0);
  });

  it('never counts a repeated or unknown id twice', () => {
    const k2 = { ...truth, k: 2, ids: Int32Array.from([0, 1]), scores: Float32Array.from([1, 1]) };
    expect(recallAtK(dataset, k2, [0], [[0, 0]])).toBe(0.5);
    expect(recallAtK(dataset, k2, [0], [[7, -1]])).toBe(0);
  });
});
