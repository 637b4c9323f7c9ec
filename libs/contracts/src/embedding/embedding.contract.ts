import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
} from 'class-validator';

/** Most texts one embedding request may carry (the gateway and the service both enforce it). */
export const MAX_TEXTS_PER_REQUEST = 256;
/** Longest text, in characters, the embedding service accepts. */
export const MAX_TEXT_CHARS = 16_384;

/** Payload of `embedding.embed.v1`. */
export class EmbedRequest {
  /** A configured model name; the service's default model when absent. */
  @IsOptional()
  @IsString()
  @Matches(/^[\w.:-]{1,100}$/, { message: 'model must be 1-100 letters, digits, . _ : -' })
  model?: string;

  @IsArray()
  @ArrayMinSize(1, { message: 'texts must hold at least one text' })
  @ArrayMaxSize(MAX_TEXTS_PER_REQUEST, {
    message: `texts must hold at most ${MAX_TEXTS_PER_REQUEST} texts`,
  })
  @IsString({ each: true })
  @MaxLength(MAX_TEXT_CHARS, {
    each: true,
    message: `each text must be at most ${MAX_TEXT_CHARS} characters`,
  })
  texts!: string[];
}

/**
 * One message of the reply stream of `embedding.embed.v1`. Vectors travel as base64 of
 * little-endian float32, in chunks, so a reply never exceeds NATS's 1 MB message limit.
 */
export interface EmbedChunk {
  model: string;
  dimension: number;
  /** Index of this chunk's first vector among the request's texts. */
  offset: number;
  vectors: string[];
  /** How many of this chunk's vectors came from the cache. */
  cached: number;
}

/** Reply of `embedding.models.v1`. */
export interface EmbeddingModelInfo {
  name: string;
  provider: string;
  model: string;
  dimension: number;
  ready: boolean;
  default: boolean;
}

/** Puts a streamed `embedding.embed.v1` reply back together: one vector per text, in order. */
export function assembleEmbedChunks(chunks: EmbedChunk[], count: number): Float32Array[] {
  const vectors = new Array<Float32Array>(count);
  for (const chunk of chunks) {
    chunk.vectors.forEach((encoded, i) => (vectors[chunk.offset + i] = decodeVector(encoded)));
  }
  return vectors;
}

export function encodeVector(vector: Float32Array): string {
  return Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength).toString('base64');
}

export function decodeVector(encoded: string): Float32Array {
  const bytes = Buffer.from(encoded, 'base64');
  const vector = new Float32Array(bytes.length / 4);
  Buffer.from(vector.buffer).set(bytes);
  return vector;
}
