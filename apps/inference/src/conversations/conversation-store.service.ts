import { Injectable } from '@nestjs/common';
import {
  CONVERSATIONS_COLLECTION,
  MAX_POINT_TEXT_CHARS,
  Subject,
  type PayloadFieldType,
} from '@aip/contracts';
import { MemoryCollections } from './memory-collections.service';
import { VectorClient } from '../clients/vector.client';

/** Most characters of the prompt, and of the response, kept in a stored conversation's payload. */
export const CONVERSATION_FIELD_MAX_CHARS = 16_384;

/** Payload indexes of `conversations`: filter past exchanges by model and time. */
const PAYLOAD_SCHEMA: Record<string, PayloadFieldType> = {
  model: 'keyword',
  created_at: 'datetime',
};

/** One finished generation to keep. */
export interface ConversationRecord {
  prompt: string;
  response: string;
  model: string;
  promptTokens: number;
  completionTokens: number;
  /** The caller's tenant: the point is theirs alone. */
  tenant?: string;
}

/**
 * Stored conversations: a generation's prompt and response embedded together as one point of
 * `conversations`, so later searches find past exchanges by meaning. The text embedded is the
 * prompt, a blank line and the response, cut to what a point's text may hold.
 */
@Injectable()
export class ConversationStore {
  constructor(
    private readonly vector: VectorClient,
    private readonly collections: MemoryCollections,
  ) {}

  /** Stores one generation; answers the point's id (the response's `vector_id`). */
  async store(record: ConversationRecord): Promise<string> {
    const point = {
      text: `${record.prompt}\n\n${record.response}`.slice(0, MAX_POINT_TEXT_CHARS),
      payload: {
        prompt: record.prompt.slice(0, CONVERSATION_FIELD_MAX_CHARS),
        response: record.response.slice(0, CONVERSATION_FIELD_MAX_CHARS),
        model: record.model,
        prompt_tokens: record.promptTokens,
        completion_tokens: record.completionTokens,
      },
    };
    const result = await this.collections.write(CONVERSATIONS_COLLECTION, PAYLOAD_SCHEMA, () =>
      this.vector.request(Subject.VectorPointsUpsert, {
        collection: CONVERSATIONS_COLLECTION,
        points: [point],
        tenant: record.tenant,
      }),
    );
    return String(result.ids[0]);
  }
}
