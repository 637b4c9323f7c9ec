import { Injectable } from '@nestjs/common';
import {
  assembleEmbedChunks,
  MAX_TEXTS_PER_REQUEST,
  Subject,
  type SparseEmbedChunk,
  type SparseVector,
} from '@aip/contracts';
import { EmbeddingClient } from '../clients/embedding.client';

/** Splits texts into requests the embedding service accepts, in order. */
function batches(texts: string[]): string[][] {
  const out: string[][] = [];
  for (let start = 0; start < texts.length; start += MAX_TEXTS_PER_REQUEST)
    out.push(texts.slice(start, start + MAX_TEXTS_PER_REQUEST));
  return out;
}

/** Puts a streamed `embedding.sparse.v1` reply back together: one vector per text, in order. */
export function assembleSparseChunks(chunks: SparseEmbedChunk[], count: number): SparseVector[] {
  const vectors = new Array<SparseVector>(count);
  for (const chunk of chunks)
    chunk.vectors.forEach((vector, i) => (vectors[chunk.offset + i] = vector));
  return vectors;
}

/**
 * Auto-embedding: texts go to the embedding service, with the collection's model for dense
 * vectors, and as documents or queries for the keyword leg's sparse vectors.
 */
@Injectable()
export class TextEmbedder {
  constructor(private readonly embedding: EmbeddingClient) {}

  async embed(model: string, texts: string[]): Promise<number[][]> {
    const vectors: number[][] = [];
    for (const batch of batches(texts)) {
      const chunks = await this.embedding.requestAll(Subject.EmbeddingEmbed, {
        model,
        texts: batch,
      });
      for (const vector of assembleEmbedChunks(chunks, batch.length))
        vectors.push(Array.from(vector));
    }
    return vectors;
  }

  async sparse(texts: string[], kind: 'document' | 'query'): Promise<SparseVector[]> {
    const vectors: SparseVector[] = [];
    for (const batch of batches(texts)) {
      const chunks = await this.embedding.requestAll(Subject.EmbeddingSparse, {
        texts: batch,
        kind,
      });
      vectors.push(...assembleSparseChunks(chunks, batch.length));
    }
    return vectors;
  }
}
