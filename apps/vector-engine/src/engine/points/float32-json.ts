/**
 * The shortest decimal that reads back as the same float32, as Qdrant (Rust, f32) prints
 * vectors and scores: 0.6 stays "0.6" instead of float64's "0.6000000238418579".
 */
export function float32ToJson(value: number): number {
  if (!Number.isFinite(value)) return value;
  const target = Math.fround(value);
  for (let digits = 6; digits < 9; digits++) {
    const candidate = Number(target.toPrecision(digits));
    if (Math.fround(candidate) === target) return candidate;
  }
  return Number(target.toPrecision(9));
}

export function float32ArrayToJson(vector: ArrayLike<number>): number[] {
  const out = new Array<number>(vector.length);
  for (let i = 0; i < vector.length; i++) out[i] = float32ToJson(vector[i]);
  return out;
}
