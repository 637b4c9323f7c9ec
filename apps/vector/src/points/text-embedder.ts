import { Injectable } from '@nestjs/common';
import {
  assembleEmbedChunks,
  MAX_TEXTS_PER_REQUEST,
  ServiceName,
  Subject,
  type EmbedChunk,
} from '@aip/contracts';
import { ServiceClient } from '@aip/platform';

/** Auto-embedding: texts go to the embedding service with the collection's model. */
@Injectable()
export class TextEmbedder {
  constructor(private readonly services: ServiceClient) {}

  async embed(model: string, texts: string[]): Promise<number[][]> {
    const vectors: number[][] = [];
    for (let start = 0; start < texts.length; start += MAX_TEXTS_PER_REQUEST) {
      const batch = texts.slice(start, start + MAX_TEXTS_PER_REQUEST);
      const chunks = await this.services.requestAll<EmbedChunk>(
        ServiceName.Embedding,
        Subject.EmbeddingEmbed,
        { model, texts: batch },
      );
      for (const vector of assembleEmbedChunks(chunks, batch.length))
        vectors.push(Array.from(vector));
    }
    return vectors;
  }
}
