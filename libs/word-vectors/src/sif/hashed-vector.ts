import { createHash } from 'node:crypto';

/**
 * A unit vector determined by a token alone: the bytes of SHAKE-256(token), centred. Every
 * process, version and machine gives the same vector for the same token, so cached embeddings
 * stay valid; two tokens get nearly orthogonal vectors (in 100 dimensions, cosines of about
 * ±0.1), which lets a name or a number shared by two sentences count as shared without
 * pulling either towards the meaning of any known word.
 */
export function hashedVector(token: string, out: Float32Array | Float64Array): void {
  const bytes = createHash('shake256', { outputLength: out.length })
    .update('aip-word-vectors/hashed\0')
    .update(token, 'utf8')
    .digest();
  let squares = 0;
  for (let d = 0; d < out.length; d++) {
    out[d] = bytes[d] - 127.5;
    squares += out[d] * out[d];
  }
  const inverse = 1 / Math.sqrt(squares);
  for (let d = 0; d < out.length; d++) out[d] *= inverse;
}
