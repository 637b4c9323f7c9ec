/** Helpers over row-major Float32Array matrices (rows of `dim` values). */

/** Scales every row to unit length in place; all-zero rows stay zero. */
export function normaliseRows(matrix: Float32Array, dim: number): Float32Array {
  for (let offset = 0; offset < matrix.length; offset += dim) {
    let sum = 0;
    for (let i = 0; i < dim; i++) sum += matrix[offset + i] * matrix[offset + i];
    if (sum === 0) continue;
    const scale = 1 / Math.sqrt(sum);
    for (let i = 0; i < dim; i++) matrix[offset + i] *= scale;
  }
  return matrix;
}

export function row(matrix: Float32Array, dim: number, index: number): Float32Array {
  return matrix.subarray(index * dim, (index + 1) * dim);
}

/** Copies the given rows into a new matrix, in the given order. */
export function pickRows(matrix: Float32Array, dim: number, indices: number[]): Float32Array {
  const out = new Float32Array(indices.length * dim);
  indices.forEach((index, i) => out.set(row(matrix, dim, index), i * dim));
  return out;
}

export function dotRows(
  a: Float32Array,
  aRow: number,
  b: Float32Array,
  bRow: number,
  dim: number,
): number {
  let sum = 0;
  const ao = aRow * dim;
  const bo = bRow * dim;
  for (let i = 0; i < dim; i++) sum += a[ao + i] * b[bo + i];
  return sum;
}

/** FNV-1a over the raw bytes (as 32-bit words): names a data set's exact contents in caches. */
export function checksum(matrix: Float32Array, seed = 2166136261): string {
  const words = new Uint32Array(matrix.buffer, matrix.byteOffset, matrix.length);
  let hash = seed >>> 0;
  for (let i = 0; i < words.length; i++) hash = Math.imul(hash ^ words[i], 16777619) >>> 0;
  return hash.toString(16).padStart(8, '0');
}
