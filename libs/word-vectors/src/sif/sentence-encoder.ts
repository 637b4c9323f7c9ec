import { EnglishTokenizer } from '../tokenizer/english-tokenizer';
import type { WordVectors } from '../word-vectors';
import { hashedVector } from './hashed-vector';

/** Directions shared by most sentences ("common discourse"), removed from every embedding. */
export interface CommonComponents {
  /** Unit vectors, row-major, count x dim. */
  vectors: Float64Array;
  /** Share of each direction's projection that is removed (SIF: 1; uSIF: by eigenvalue). */
  weights: Float64Array;
}

export interface EncoderSettings {
  /** Weight of each vocabulary row; without it every word weighs 1 (the plain mean). */
  rowWeights?: Float64Array;
  /** Weight of a token the vocabulary lacks, which gets a hashed vector; 0 ignores them. */
  unknownWeight: number;
  /** Scale word vectors to unit length before weighting (uSIF) instead of keeping GloVe's norms. */
  unitWords: boolean;
  components?: CommonComponents;
}

/**
 * Text to one L2-normalised vector: the weighted sum of its word vectors minus its projection
 * on the common components. A text without any word (empty, punctuation, emoji) gets one
 * fixed unit vector, the hashed vector of the empty token (tokens are never empty): all such
 * texts are alike, nearly orthogonal to texts with words, and no caller sees a zero or NaN.
 */
export class SentenceEncoder {
  readonly dim: number;
  private readonly tokenizer: EnglishTokenizer;
  /** Per row: weight, divided by the norm for unit words, so pooling is one multiply-add. */
  private readonly factors: Float64Array;
  private readonly unknownFactor: number;
  private readonly empty: Float32Array;
  private readonly scratch: Float64Array;
  private readonly pooled: Float64Array;
  private readonly residual: Float64Array;

  constructor(
    private readonly words: WordVectors,
    private readonly settings: EncoderSettings,
  ) {
    this.dim = words.dim;
    this.tokenizer = new EnglishTokenizer((word) => words.indexOf(word));
    this.factors = new Float64Array(words.count);
    let normSum = 0;
    for (let row = 0; row < words.count; row++) {
      const norm = words.norm(row);
      normSum += norm;
      const weight = settings.rowWeights?.[row] ?? 1;
      this.factors[row] = settings.unitWords ? (norm > 0 ? weight / norm : 0) : weight;
    }
    // Hashed vectors are unit vectors: give them the length a known word has in this space.
    this.unknownFactor = settings.unknownWeight * (settings.unitWords ? 1 : normSum / words.count);
    this.empty = new Float32Array(this.dim);
    hashedVector('', this.empty);
    this.scratch = new Float64Array(this.dim);
    this.pooled = new Float64Array(this.dim);
    this.residual = new Float64Array(this.dim);
  }

  /** Row factors (weight / norm) as used by pool(): the input of the common components. */
  rowFactors(): Float64Array {
    return this.factors;
  }

  /** Adds the text's weighted word vectors to `acc`; returns how many tokens counted. */
  private pool(text: string, acc: Float64Array): number {
    let counted = 0;
    for (const token of this.tokenizer.tokenize(text)) {
      if (typeof token === 'number') {
        this.words.addScaled(token, this.factors[token], acc);
        counted++;
      } else if (this.unknownFactor > 0) {
        hashedVector(token, this.scratch);
        for (let d = 0; d < this.dim; d++) acc[d] += this.unknownFactor * this.scratch[d];
        counted++;
      }
    }
    return counted;
  }

  encode(text: string): Float32Array {
    // Reused between calls (encode is synchronous): per-text allocations showed up as GC time.
    const { pooled, residual } = this;
    pooled.fill(0);
    if (this.pool(text, pooled) === 0) return this.empty.slice();
    residual.set(pooled);
    this.removeComponents(residual);
    // A text made of common directions only (one very frequent word) would leave rounding
    // noise: keep it as pooled instead.
    const kept = norm(residual) > 1e-6 * norm(pooled) ? residual : pooled;
    const length = norm(kept);
    if (!(length > 0 && Number.isFinite(length))) return this.empty.slice();
    const out = new Float32Array(this.dim);
    for (let d = 0; d < this.dim; d++) out[d] = kept[d] / length;
    return out;
  }

  private removeComponents(v: Float64Array): void {
    const components = this.settings.components;
    if (!components) return;
    for (let c = 0; c < components.weights.length; c++) {
      const base = c * this.dim;
      let projection = 0;
      for (let d = 0; d < this.dim; d++) projection += v[d] * components.vectors[base + d];
      projection *= components.weights[c];
      for (let d = 0; d < this.dim; d++) v[d] -= projection * components.vectors[base + d];
    }
  }
}

function norm(v: Float64Array): number {
  let squares = 0;
  for (let d = 0; d < v.length; d++) squares += v[d] * v[d];
  return Math.sqrt(squares);
}
