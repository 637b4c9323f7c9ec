import { Injectable } from '@nestjs/common';
import { Subject, type RagQueryRequest } from '@aip/contracts';
import { VectorClient } from '../clients/vector.client';
import { similarityOf } from './rag-confidence';
import type { RetrievedPassage } from './rag-prompt';

/** A query's passages, best first, and what finding them took. */
export interface Retrieval {
  passages: RetrievedPassage[];
  /** Reading the collection's settings (model, distance), before the search. */
  embedMs: number;
  /** The search, including embedding the question with the collection's own model. */
  searchMs: number;
}

/** Milliseconds since `start` (a `performance.now()`), to two decimals. */
export const since = (start: number) => Math.round((performance.now() - start) * 100) / 100;

/**
 * Finds a question's passages: the vector service embeds the question with the collection's
 * own model and searches its dense vectors within the caller's tenant (a collection without a
 * model is refused there). Dense, so scores, `score_threshold` and confidence are similarities.
 */
@Injectable()
export class RagRetrieval {
  constructor(private readonly vector: VectorClient) {}

  async retrieve(request: RagQueryRequest, topK: number): Promise<Retrieval> {
    const infoStart = performance.now();
    const info = await this.vector.request(Subject.VectorCollectionGet, {
      name: request.collection,
    });
    const embedMs = since(infoStart);

    const searchStart = performance.now();
    const result = await this.vector.request(Subject.VectorPointsSearch, {
      collection: request.collection,
      text: request.question,
      mode: 'dense',
      limit: topK,
      score_threshold: request.score_threshold,
      filter: request.filter,
      tenant: request.tenant,
    });
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
