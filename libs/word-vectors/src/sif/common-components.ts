import { setImmediate as nextTurn } from 'node:timers/promises';
import type { WordVectors } from '../word-vectors';
import type { CommonComponents } from './sentence-encoder';
import { symmetricEigen } from './symmetric-eigen';

/** Rows accumulated between two yields to the event loop. */
const ROWS_PER_SLICE = 8192;

export interface ComponentRecipe {
  /** How many directions to remove. */
  count: number;
  /** 'all': remove each whole (SIF); 'by-eigenvalue': λ_i / Σλ of the kept ones (uSIF). */
  removal: 'all' | 'by-eigenvalue';
  /** Words per sentence of the random walk the statistics model. */
  sentenceLength: number;
}

/**
 * The common components of sentence vectors, from the vocabulary alone, so no corpus has to
 * ship with the service. A sentence is modelled as `sentenceLength` words drawn by their
 * (Zipf) probabilities, its vector as the sum of the drawn words' weighted vectors y(w).
 * Then E[v vᵀ] = n·S + n(n−1)·μμᵀ with S = Σ p(w) y(w)y(w)ᵀ and μ = Σ p(w) y(w), and its top
 * eigenvectors are what SIF and uSIF take from the SVD of a batch of real sentences.
 */
export async function vocabularyComponents(
  words: WordVectors,
  factors: Float64Array,
  probabilities: Float64Array,
  recipe: ComponentRecipe,
): Promise<CommonComponents> {
  const dim = words.dim;
  const second = new Float64Array(dim * dim);
  const mean = new Float64Array(dim);
  const vector = new Float32Array(dim);
  for (let row = 0; row < words.count; row++) {
    words.vector(row, vector);
    const scale = factors[row];
    const weight = probabilities[row];
    for (let i = 0; i < dim; i++) {
      const yi = vector[i] * scale;
      mean[i] += weight * yi;
      const weighted = weight * yi * scale;
      const base = i * dim;
      for (let j = i; j < dim; j++) second[base + j] += weighted * vector[j];
    }
    if (row % ROWS_PER_SLICE === ROWS_PER_SLICE - 1) await nextTurn();
  }
  const n = recipe.sentenceLength;
  for (let i = 0; i < dim; i++) {
    for (let j = i; j < dim; j++) {
      const value = n * second[i * dim + j] + n * (n - 1) * mean[i] * mean[j];
      second[i * dim + j] = value;
      second[j * dim + i] = value;
    }
  }
  return topComponents(second, dim, recipe);
}

/** The recipe's components of a second-moment matrix (dim x dim). */
export function topComponents(
  moment: Float64Array,
  dim: number,
  recipe: ComponentRecipe,
): CommonComponents {
  const { values, vectors } = symmetricEigen(moment, dim);
  const count = Math.min(recipe.count, dim);
  let kept = 0;
  for (let k = 0; k < count; k++) kept += values[k];
  const weights = new Float64Array(count);
  for (let k = 0; k < count; k++) {
    weights[k] = recipe.removal === 'all' ? 1 : values[k] / kept;
  }
  return { vectors: vectors.slice(0, count * dim), weights };
}
