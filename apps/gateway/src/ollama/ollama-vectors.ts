import { ErrorCode, PlatformError } from '@aip/contracts';

/**
 * A vector as `/api/embed` answers it. With `dimensions`, its first dimensions scaled back to
 * length 1, as Ollama shortens embeddings (meaningful for models trained for it, Matryoshka
 * style; for others it is still what the client asked for).
 */
export function ollamaVectorOf(vector: Float32Array, dimensions?: number): number[] {
  if (dimensions === undefined) return Array.from(vector);
  if (dimensions > vector.length)
    throw new PlatformError(
      ErrorCode.ValidationFailed,
      `dimensions must be at most ${vector.length}, the model's dimension`,
      { field: 'dimensions', dimension: vector.length },
    );
  const kept = Array.from(vector.subarray(0, dimensions));
  const norm = Math.sqrt(kept.reduce((sum, x) => sum + x * x, 0));
  return norm === 0 ? kept : kept.map((x) => x / norm);
}
