/** Sizes of chunks, in tokens (cl100k_base). */
export interface ChunkSettings {
  maxTokens: number;
  overlapTokens: number;
  codeMaxTokens: number;
}

export const DEFAULT_CHUNK_SETTINGS: ChunkSettings = {
  maxTokens: 300,
  overlapTokens: 50,
  codeMaxTokens: 500,
};

/** A piece of a document, ready to embed; its metadata goes on the point's payload. */
export interface Chunk {
  text: string;
  metadata: Record<string, unknown>;
}
