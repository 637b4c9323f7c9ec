import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  ErrorCode,
  PlatformError,
  Subject,
  type FeedbackRequest,
  type FeedbackResult,
  type PayloadFieldType,
  type RagCitation,
  type SearchResult,
} from '@aip/contracts';
import { LOGGER, type Logger } from '@aip/platform';
import { MemoryCollections } from '../conversations/memory-collections.service';
import { VectorClient } from '../clients/vector.client';

/** A well-rated past answer to a similar question. */
export interface PastExample {
  id: string;
  question: string;
  answer: string;
}

/** Where RAG interactions are kept, and their ratings with them. */
export const LEARNING_DATA_COLLECTION = 'learning_data';
/** Lowest feedback score (1-5) that makes an answer an example for later questions. */
export const FEEDBACK_GOOD_SCORE = 4;
/** Most past answers one RAG prompt is given as examples. */
export const FEEDBACK_MAX_EXAMPLES = 2;
/** Lowest cosine similarity between questions for a past answer to serve as an example. */
export const FEEDBACK_MIN_SIMILARITY = 0.5;
/** Most characters of an answer kept with its interaction. */
export const INTERACTION_ANSWER_MAX_CHARS = 8192;

/**
 * Payload indexes: examples are found by score within one collection, interactions told apart
 * by rating and model.
 */
const PAYLOAD_SCHEMA: Record<string, PayloadFieldType> = {
  score: 'integer',
  rated: 'bool',
  model: 'keyword',
  collection: 'keyword',
};

/** One answered RAG query, as it is kept to be rated. */
export interface Interaction {
  question: string;
  answer: string;
  citations: RagCitation[];
  model: string | null;
  collection: string;
  confidence: number;
  tenant?: string;
}

/**
 * RAG interactions and their feedback, in the `learning_data` collection (made on first use
 * from the default embedding model). Every answer is kept at once as a point whose text is the
 * question, marked `rated: false`, so a rating can reach any replica and survives restarts;
 * feedback adds `score` and `rated: true`. Well-rated answers to similar questions then serve
 * as examples in later prompts.
 */
@Injectable()
export class InteractionLog {
  constructor(
    private readonly vector: VectorClient,
    private readonly collections: MemoryCollections,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  /** Keeps an interaction; answers its id, or null when it could not be kept (logged). */
  async record(interaction: Interaction): Promise<string | null> {
    const id = randomUUID();
    const point = {
      id,
      text: interaction.question,
      payload: {
        question: interaction.question,
        answer: interaction.answer.slice(0, INTERACTION_ANSWER_MAX_CHARS),
        citations: interaction.citations.map(({ index, id: pointId, source }) => ({
          index,
          id: pointId,
          source,
        })),
        model: interaction.model,
        collection: interaction.collection,
        confidence: interaction.confidence,
        rated: false,
      },
    };
    try {
      await this.collections.write(LEARNING_DATA_COLLECTION, PAYLOAD_SCHEMA, () =>
        this.vector.request(Subject.VectorPointsUpsert, {
          collection: LEARNING_DATA_COLLECTION,
          points: [point],
          tenant: interaction.tenant,
        }),
      );
      return id;
    } catch (error) {
      // The answer is worth more than its rating: answer without an interaction id.
      this.logger.warn(
        { err: error instanceof Error ? error.message : String(error) },
        'could not keep the RAG interaction for feedback',
      );
      return null;
    }
  }

  /**
   * Rates a kept interaction: the caller's own (within its tenant) and about a collection its
   * key may use; any other is answered as missing, so a scoped key learns nothing of others.
   */
  async rate(request: FeedbackRequest): Promise<FeedbackResult> {
    const missing = new PlatformError(
      ErrorCode.NotFound,
      `No RAG interaction ${request.interaction_id}: rate the interaction_id of a RAG answer`,
      { interaction_id: request.interaction_id },
    );
    if (request.collections !== undefined) {
      const [kept] = await this.vector
        .request(Subject.VectorPointsGet, {
          collection: LEARNING_DATA_COLLECTION,
          ids: [request.interaction_id],
          tenant: request.tenant,
        })
        .then(
          (reply) => reply.points,
          (error: unknown) => {
            if (error instanceof PlatformError && error.code === ErrorCode.NotFound) return [];
            throw error;
          },
        );
      const about = kept?.payload['collection'];
      if (typeof about !== 'string' || !request.collections.includes(about)) throw missing;
    }
    const payload: Record<string, unknown> = {
      score: request.score,
      rated: true,
      rated_at: new Date().toISOString(),
      ...(request.comment !== undefined ? { comment: request.comment } : {}),
    };
    try {
      await this.vector.request(Subject.VectorPointsUpdate, {
        collection: LEARNING_DATA_COLLECTION,
        id: request.interaction_id,
        payload,
        tenant: request.tenant,
      });
    } catch (error) {
      if (error instanceof PlatformError && error.code === ErrorCode.NotFound) throw missing;
      throw error;
    }
    return {
      interaction_id: request.interaction_id,
      score: request.score,
      collection: LEARNING_DATA_COLLECTION,
    };
  }

  /**
   * Well-rated past answers to questions like this one about the same collection, most similar
   * first: a query learns only from interactions on what its caller may read.
   */
  async examples(
    question: string,
    collection: string,
    tenant: string | undefined,
  ): Promise<PastExample[]> {
    let result: SearchResult;
    try {
      result = await this.vector.request(Subject.VectorPointsSearch, {
        collection: LEARNING_DATA_COLLECTION,
        text: question,
        mode: 'dense',
        limit: FEEDBACK_MAX_EXAMPLES,
        score_threshold: FEEDBACK_MIN_SIMILARITY,
        filter: {
          must: [
            { key: 'score', range: { gte: FEEDBACK_GOOD_SCORE } },
            { key: 'collection', match: { value: collection } },
          ],
        },
        with_payload: ['question', 'answer'],
        tenant,
      });
    } catch (error) {
      // Nothing rated yet: the collection does not exist until the first RAG answer.
      if (error instanceof PlatformError && error.code === ErrorCode.NotFound) return [];
      throw error;
    }
    return result.points.map((point) => ({
      id: String(point.id),
      question: String(point.payload['question'] ?? ''),
      answer: String(point.payload['answer'] ?? ''),
    }));
  }
}
