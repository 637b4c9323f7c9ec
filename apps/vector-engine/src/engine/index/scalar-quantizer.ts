import type { Distance } from '../distance';

export interface QuantizerBounds {
  min: number;
  max: number;
}

/**
 * int8 scalar quantization, as Qdrant's `scalar` quantization: each value is mapped linearly
 * from [min, max] onto 256 levels. Queries stay float32 (asymmetric scoring), which is both
 * cheaper and more accurate than quantizing them too.
 */
export class ScalarQuantizer {
  private readonly step: number;

  constructor(
    readonly bounds: QuantizerBounds,
    private readonly distance: Distance,
  ) {
    this.step = (bounds.max - bounds.min) / 255 || 1;
  }

  /** Bounds that keep `quantile` of the values inside (outliers are clamped), from a sample. */
  static fit(sample: Float32Array[], quantile: number, distance: Distance): ScalarQuantizer {
    if (distance === 'Cosine') return new ScalarQuantizer({ min: -1, max: 1 }, distance);
    const values: number[] = [];
    for (const vector of sample) for (const x of vector) values.push(x);
    values.sort((a, b) => a - b);
    const cut = Math.floor(((1 - quantile) / 2) * (values.length - 1));
    const min = values[cut] ?? -1;
    const max = values[values.length - 1 - cut] ?? 1;
    return new ScalarQuantizer({ min, max: max > min ? max : min + 1 }, distance);
  }

  encode(vector: Float32Array): Int8Array {
    const codes = new Int8Array(vector.length);
    for (let i = 0; i < vector.length; i++) {
      const level = Math.round((vector[i] - this.bounds.min) / this.step);
      codes[i] = Math.min(255, Math.max(0, level)) - 128;
    }
    return codes;
  }

  /** A scorer for one query: approximate score of a point from its codes (and its squared norm). */
  scorer(query: Float32Array): (codes: Int8Array, squaredNorm: number) => number {
    let querySum = 0;
    let querySquared = 0;
    for (let i = 0; i < query.length; i++) {
      querySum += query[i];
      querySquared += query[i] * query[i];
    }
    const base = (this.bounds.min + 128 * this.step) * querySum;
    const step = this.step;
    const euclid = this.distance === 'Euclid';
    return (codes, squaredNorm) => {
      let sum = 0;
      for (let i = 0; i < codes.length; i++) sum += query[i] * codes[i];
      const dot = base + step * sum;
      return euclid ? Math.sqrt(Math.max(0, querySquared - 2 * dot + squaredNorm)) : dot;
    };
  }
}
