import { Injectable } from '@nestjs/common';
import {
  assembleEmbedChunks,
  ServiceName,
  Subject,
  type EmbedChunk,
  type EmbeddingModelInfo,
} from '@aip/contracts';
import { ServiceClient } from '@aip/platform';

export interface Embeddings {
  model: string;
  dimension: number;
  vectors: Float32Array[];
  cached: number;
}

/** The embedding service, over NATS: vectors arrive in chunks and are put back in order. */
@Injectable()
export class EmbeddingsClient {
  constructor(private readonly client: ServiceClient) {}

  async embed(texts: string[], model?: string): Promise<Embeddings> {
    const chunks = await this.client.requestAll<EmbedChunk>(
      ServiceName.Embedding,
      Subject.EmbeddingEmbed,
      { texts, model },
    );
    const vectors = assembleEmbedChunks(chunks, texts.length);
    const first = chunks[0];
    return {
      model: first.model,
      dimension: first.dimension,
      vectors,
      cached: chunks.reduce((sum, c) => sum + c.cached, 0),
    };
  }

  models(): Promise<EmbeddingModelInfo[]> {
    return this.client.request<EmbeddingModelInfo[]>(
      ServiceName.Embedding,
      Subject.EmbeddingModels,
      {},
    );
  }
}
