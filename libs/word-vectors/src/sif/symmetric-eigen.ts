export interface Eigenpairs {
  /** Eigenvalues, largest first. */
  values: Float64Array;
  /** Unit eigenvectors, row-major, in the order of `values`. */
  vectors: Float64Array;
}

const MAX_SWEEPS = 100;

/**
 * Eigen-decomposition of a small symmetric matrix (n x n, row-major) by cyclic Jacobi
 * rotations: exact to rounding and simple, which is what a 100 x 100 matrix computed once
 * needs (a few milliseconds).
 */
export function symmetricEigen(matrix: Float64Array, n: number): Eigenpairs {
  const a = matrix.slice();
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < MAX_SWEEPS; sweep++) {
    let offDiagonal = 0;
    let diagonal = 0;
    for (let i = 0; i < n; i++) {
      diagonal += a[i * n + i] ** 2;
      for (let j = i + 1; j < n; j++) offDiagonal += a[i * n + j] ** 2;
    }
    if (offDiagonal <= 1e-30 * diagonal) break;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) rotate(a, v, n, p, q);
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => a[y * n + y] - a[x * n + x]);
  const values = new Float64Array(n);
  const vectors = new Float64Array(n * n);
  order.forEach((column, k) => {
    values[k] = a[column * n + column];
    for (let i = 0; i < n; i++) vectors[k * n + i] = v[i * n + column];
  });
  return { values, vectors };
}

/** Zeroes a[p][q] by a rotation in the (p, q) plane, accumulated into the columns of v. */
function rotate(a: Float64Array, v: Float64Array, n: number, p: number, q: number): void {
  const apq = a[p * n + q];
  if (apq === 0) return;
  const theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
  const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
  const c = 1 / Math.sqrt(t * t + 1);
  const s = t * c;
  for (let k = 0; k < n; k++) {
    const akp = a[k * n + p];
    const akq = a[k * n + q];
    a[k * n + p] = c * akp - s * akq;
    a[k * n + q] = s * akp + c * akq;
  }
  for (let k = 0; k < n; k++) {
    const apk = a[p * n + k];
    const aqk = a[q * n + k];
    a[p * n + k] = c * apk - s * aqk;
    a[q * n + k] = s * apk + c * aqk;
  }
  for (let k = 0; k < n; k++) {
    const vkp = v[k * n + p];
    const vkq = v[k * n + q];
    v[k * n + p] = c * vkp - s * vkq;
    v[k * n + q] = s * vkp + c * vkq;
  }
}
