import { Injectable } from '@nestjs/common';
import {
  assembleEmbedChunks,
  ErrorCode,
  PlatformError,
  ServiceName,
  Subject,
  type CollectionInfo,
  type EmbedChunk,
  type RagQueryRequest,
  type SearchResult,
} from '@aip/contracts';
import { ServiceClient } from '@aip/platform';
import { similarityOf } from './rag-confidence';
import type { RetrievedPassage } from './rag-prompt';

/** A query's passages, best first, and what finding them took. */
export interface Retrieval {
  passages: RetrievedPassage[];
  embedMs: number;
  searchMs: number;
}

/** Milliseconds since `start` (a `performance.now()`), to two decimals. */
export const since = (start: number) => Math.round((performance.now() - start) * 100) / 100;

/**
 * Finds a question's passages: embeds it with the collection's own model (through the
 * embedding service), then searches the collection's dense vectors within the caller's tenant.
 * Dense, so scores, `score_threshold` and confidence are similarities.
 */
@Injectable()
export class RagRetrieval {
  constructor(private readonly services: ServiceClient) {}

  async retrieve(request: RagQueryRequest, topK: number): Promise<Retrieval> {
    const embedStart = performance.now();
    const info = await this.services.request<CollectionInfo>(
      ServiceName.Vector,
      Subject.VectorCollectionGet,
      { name: request.collection },
    );
    if (!info.model)
      throw new PlatformError(
        ErrorCode.ValidationFailed,
        `Collection ${request.collection} has no embedding model, so a question cannot be searched in it; use a collection created from a model`,
        { collection: request.collection },
      );
    const chunks = await this.services.requestAll<EmbedChunk>(
      ServiceName.Embedding,
      Subject.EmbeddingEmbed,
      { model: info.model, texts: [request.question] },
    );
    const [vector] = assembleEmbedChunks(chunks, 1);
    const embedMs = since(embedStart);

    const searchStart = performance.now();
    const result = await this.services.request<SearchResult>(
      ServiceName.Vector,
      Subject.VectorPointsSearch,
      {
        collection: request.collection,
        vector: Array.from(vector),
        mode: 'dense',
        limit: topK,
        score_threshold: request.score_threshold,
        filter: request.filter,
        tenant: request.tenant,
      },
    );
    const searchMs = since(searchStart);

    const passages: RetrievedPassage[] = [];
    for (const point of result.points) {
      const text = point.payload['text'];
      // Points stored as bare vectors have no text to give the model.
      if (typeof text !== 'string' || text.trim() === '') continue;
      const source = point.payload['source'];
      const score = point.score ?? 0;
      passages.push({
        id: point.id,
        score,
        similarity: similarityOf(score, info.distance),
        text,
        source: typeof source === 'string' ? source : null,
      });
    }
    return { passages, embedMs, searchMs };
  }
}
