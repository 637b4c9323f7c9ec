import { Injectable } from '@nestjs/common';
import { assembleEmbedChunks, Subject, type ServiceName } from '@aip/contracts';
import { CalleeClient } from '@aip/platform';

export interface Embeddings {
  model: string;
  dimension: number;
  vectors: Float32Array[];
  cached: number;
}

/** The embedding service over NATS: vectors arrive in chunks and are put back in order. */
@Injectable()
export class EmbeddingClient extends CalleeClient<ServiceName.Embedding> {
  async embed(texts: string[], model?: string): Promise<Embeddings> {
    const chunks = await this.requestAll(Subject.EmbeddingEmbed, { texts, model });
    const vectors = assembleEmbedChunks(chunks, texts.length);
    const first = chunks[0];
    return {
      model: first.model,
      dimension: first.dimension,
      vectors,
      cached: chunks.reduce((sum, c) => sum + c.cached, 0),
    };
  }
}
