import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { COLLECTION_NAME } from '../vector/vector-collections.contract';
import {
  CollectionField,
  FilterField,
  TenantField,
  type PointId,
} from '../vector/vector-points.contract';
import {
  GenerationIdField,
  InRange,
  IntInRange,
  MAX_SEED,
  MAX_TEMPERATURE,
  ModelField,
  type FinishReason,
  type GenerationTextChunk,
} from './generation.contract';

/** Longest question a RAG query may ask, in characters. */
export const RAG_MAX_QUESTION_CHARS = 4096;
/** Passages retrieved when a query names no top_k. */
export const RAG_DEFAULT_TOP_K = 5;
/** Most passages one query may retrieve: more would not fit a model's context anyway. */
export const RAG_MAX_TOP_K = 50;
/** Tokens an answer may take when the query names no max_tokens. */
export const RAG_DEFAULT_MAX_TOKENS = 256;
/** Most tokens an answer may take. */
export const RAG_MAX_TOKENS = 4096;

/** Most collections one key's scope may name (bounds a scoped request's payload). */
export const MAX_SCOPED_COLLECTIONS = 1024;

/** Feedback scores: 1 (useless or wrong) to 5 (exactly right), like a star rating. */
export const FEEDBACK_MIN_SCORE = 1;
export const FEEDBACK_MAX_SCORE = 5;
/** Longest comment a rating may carry. */
export const FEEDBACK_MAX_COMMENT_CHARS = 2000;

/** Payload of `inference.rag.query.v1`. */
export class RagQueryRequest {
  @IsString()
  @MinLength(1, { message: 'question must not be empty' })
  @MaxLength(RAG_MAX_QUESTION_CHARS, {
    message: `question must be at most ${RAG_MAX_QUESTION_CHARS} characters`,
  })
  question!: string;

  @CollectionField()
  collection!: string;

  @IsOptional()
  @IntInRange('top_k', 1, RAG_MAX_TOP_K, 'an integer')
  top_k?: number;

  /** Lowest similarity (the collection's dense scale, e.g. cosine) a passage needs to be used. */
  @IsOptional()
  @IsNumber(
    { allowNaN: false, allowInfinity: false },
    { message: 'score_threshold must be a number' },
  )
  score_threshold?: number;

  @FilterField()
  filter?: Record<string, unknown>;

  @ModelField()
  model?: string;

  @IsOptional()
  @IntInRange('max_tokens', 1, RAG_MAX_TOKENS, 'an integer')
  max_tokens?: number;

  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @InRange('temperature', 0, MAX_TEMPERATURE)
  temperature?: number;

  @IsOptional()
  @IntInRange('seed', 0, MAX_SEED, 'an integer')
  seed?: number;

  /** Reply as a stream: text events, then one `done` event. */
  @IsOptional()
  @IsBoolean()
  stream?: boolean;

  /** Set by the gateway. */
  @GenerationIdField()
  generation_id?: string;

  /** Also draw on similar, well-rated past answers from `learning_data`. */
  @IsOptional()
  @IsBoolean()
  use_feedback?: boolean;

  @TenantField()
  tenant?: string;
}

/** A passage the answer cites: its number in the prompt, the point, and what the model saw. */
export interface RagCitation {
  /** The passage's number in the prompt, as the answer cites it (`[index]`). */
  index: number;
  id: PointId;
  score: number;
  /** The point's `source` payload field, when it has one. */
  source: string | null;
  /** The passage text as it was given to the model (cut to the per-passage limit). */
  snippet: string;
}

export interface RagTimings {
  /** Reading the collection's model and distance before the search. */
  embed_ms: number;
  /** The search, including embedding the question (the vector service does both in one call). */
  search_ms: number;
  generate_ms: number;
}

/** Everything a RAG answer carries besides its text: the non-streamed reply adds `answer`. */
export interface RagOutcome {
  model: string | null;
  citations: RagCitation[];
  /**
   * `answer`: the passages the answer cites by their `[n]` markers; `retrieval`: the answer cites
   * none, so every passage it was given is listed; `none`: no passage was relevant enough.
   */
  citations_from: 'answer' | 'retrieval' | 'none';
  /** 0..1, from the retrieval scores (see the README for the formula). */
  confidence: number;
  timings: RagTimings;
  usage: { prompt_tokens: number; completion_tokens: number };
  finish_reason: FinishReason | 'no_context';
  /** Rate this answer with `inference.feedback.v1`; null when it could not be kept. */
  interaction_id: string | null;
  /** `learning_data` interactions given to the model as examples (with use_feedback). */
  examples: string[];
}

/** Reply of `inference.rag.query.v1` without `stream`. */
export interface RagAnswer extends RagOutcome {
  answer: string;
}

/**
 * One message of the streamed reply of `inference.rag.query.v1`: the answer's text in order
 * (as generation streams it), then one `done` with everything else.
 */
export type RagStreamEvent = GenerationTextChunk | ({ type: 'done' } & RagAnswer);

/** Payload of `inference.feedback.v1`. */
export class FeedbackRequest {
  @IsDefined({ message: 'interaction_id is required' })
  @IsUUID('all', { message: 'interaction_id must be a UUID (from a RAG answer)' })
  interaction_id!: string;

  @IsDefined({ message: 'score is required' })
  @IntInRange('score', FEEDBACK_MIN_SCORE, FEEDBACK_MAX_SCORE, 'an integer')
  score!: number;

  @IsOptional()
  @IsString()
  @MaxLength(FEEDBACK_MAX_COMMENT_CHARS, {
    message: `comment must be at most ${FEEDBACK_MAX_COMMENT_CHARS} characters`,
  })
  comment?: string;

  @TenantField()
  tenant?: string;

  /**
   * The caller's collections, when its key is scoped to some: an interaction about another
   * collection is answered as missing. Set by the gateway, never by a request body.
   */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_SCOPED_COLLECTIONS)
  @Matches(COLLECTION_NAME, { each: true, message: 'collections must be collection names' })
  collections?: string[];
}

/** Reply of `inference.feedback.v1`. */
export interface FeedbackResult {
  interaction_id: string;
  score: number;
  collection: string;
}
