import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { Subject } from '../subjects/subject';
import { NestedObjects } from '../validation/nested-object';
import { TenantField, rules } from '../vector/vector-points.contract';

/** Longest prompt (or chat message), in characters. */
export const MAX_PROMPT_CHARS = 65_536;
/** Most tokens one generation may produce. */
export const MAX_GENERATION_TOKENS = 16_384;
/** Tokens generated when a request names no max_tokens. */
export const DEFAULT_MAX_TOKENS = 256;
/** Most stop strings one request may give, and their longest length. */
export const MAX_STOP_STRINGS = 8;
export const MAX_STOP_CHARS = 64;
/** Most messages one chat request may carry. */
export const MAX_CHAT_MESSAGES = 256;
/** Highest sampling temperature. */
export const MAX_TEMPERATURE = 2;
/** Largest top_k (0 means the whole vocabulary). */
export const MAX_TOP_K = 1000;
/** Largest seed: llama.cpp takes a 32-bit unsigned seed. */
export const MAX_SEED = 0xffff_ffff;
/** Most prompts one batch request may carry. */
export const MAX_BATCH_PROMPTS = 32;

export const CHAT_ROLES = ['system', 'user', 'assistant'] as const;
export type ChatRole = (typeof CHAT_ROLES)[number];
/** The collection generations are stored in with `store_embedding: true`. */
export const CONVERSATIONS_COLLECTION = 'conversations';

export const FINISH_REASONS = ['stop', 'length'] as const;
export type FinishReason = (typeof FINISH_REASONS)[number];

/**
 * The subject a running generation listens on for its cancellation: the caller publishes any
 * message there when its own client goes away (NATS does not tell a replier that nobody reads
 * its replies any more). Derived from `inference.generate.v1`, one per generation.
 */
export function generationCancelSubject(generationId: string): string {
  return `${Subject.InferenceGenerate}.cancel.${generationId}`;
}

/** From `min` to `max`, each bound's message naming the field and its limit. */
export const InRange = (field: string, min: number, max: number) =>
  // Listed bottom-up, the order stacked decorators register in, so the messages keep their order.
  rules(
    Max(max, { message: `${field} must be at most ${max}` }),
    Min(min, { message: `${field} must be at least ${min}` }),
  );

/** A whole number from `min` to `max`; `wording` keeps each contract's own message for it. */
export const IntInRange = (field: string, min: number, max: number, wording = 'a whole number') =>
  rules(InRange(field, min, max), IsInt({ message: `${field} must be ${wording}` }));

/** A configured model name; the default model when absent. */
export const ModelField = () =>
  rules(
    Matches(/^[\w.:-]{1,100}$/, { message: 'model must be 1-100 letters, digits, . _ : -' }),
    IsString(),
    IsOptional(),
  );

/** Names a generation for `generationCancelSubject`. */
export const GenerationIdField = () =>
  rules(IsUUID('all', { message: 'generation_id must be a UUID' }), IsOptional());

/** Sampling and length settings shared by every generation request. */
export class GenerationSettings {
  @ModelField()
  model?: string;

  @IsOptional()
  @IntInRange('max_tokens', 1, MAX_GENERATION_TOKENS)
  max_tokens?: number;

  /** 0 is greedy: the same prompt always gives the same text. */
  @IsOptional()
  @IsNumber({}, { message: 'temperature must be a number' })
  @InRange('temperature', 0, MAX_TEMPERATURE)
  temperature?: number;

  @IsOptional()
  @IsNumber({}, { message: 'top_p must be a number' })
  @InRange('top_p', 0, 1)
  top_p?: number;

  @IsOptional()
  @IntInRange('top_k', 0, MAX_TOP_K)
  top_k?: number;

  @IsOptional()
  @IntInRange('seed', 0, MAX_SEED)
  seed?: number;

  /** Generation stops before the first of these strings; they are not part of the text. */
  @IsOptional()
  @IsArray({ message: 'stop must be a list of strings' })
  @ArrayMaxSize(MAX_STOP_STRINGS, { message: `stop must hold at most ${MAX_STOP_STRINGS} strings` })
  @IsString({ each: true, message: 'each stop must be a string' })
  @MaxLength(MAX_STOP_CHARS, {
    each: true,
    message: `each stop must be 1-${MAX_STOP_CHARS} characters`,
  })
  @MinLength(1, { each: true, message: `each stop must be 1-${MAX_STOP_CHARS} characters` })
  stop?: string[];

  /** A JSON schema the output must follow, enforced by a grammar while generating. */
  @IsOptional()
  @IsObject({ message: 'json_schema must be a JSON schema object' })
  json_schema?: Record<string, unknown>;
}

/** Fields of a generation request that only the platform sets, never an HTTP client. */
export class GenerationRouting extends GenerationSettings {
  /** Whether to stream text as it is generated; otherwise one reply with all of it. */
  @IsOptional()
  @IsBoolean()
  stream?: boolean;

  @GenerationIdField()
  generation_id?: string;

  /**
   * End with finish_reason `length` once the prompt and the output fill the model's context,
   * instead of shifting the oldest tokens out to go on: OpenAI's semantics, where both fit.
   */
  @IsOptional()
  @IsBoolean()
  stop_at_context_end?: boolean;

  /** Embed the prompt and the response and store them in the conversations collection. */
  @IsOptional()
  @IsBoolean()
  store_embedding?: boolean;

  @TenantField()
  tenant?: string;
}

/** Payload of `inference.generate.v1`: a raw prompt, continued by the model. */
export class GenerateRequest extends GenerationRouting {
  @IsString()
  @MaxLength(MAX_PROMPT_CHARS, { message: `prompt must be at most ${MAX_PROMPT_CHARS} characters` })
  prompt!: string;
}

export class ChatMessageContract {
  @IsIn(CHAT_ROLES, { message: `role must be one of: ${CHAT_ROLES.join(', ')}` })
  role!: ChatRole;

  @IsString()
  @MaxLength(MAX_PROMPT_CHARS, {
    message: `content must be at most ${MAX_PROMPT_CHARS} characters`,
  })
  content!: string;
}

/** Payload of `inference.chat.v1`: messages rendered with the model's chat template. */
export class ChatRequest extends GenerationRouting {
  @IsArray({ message: 'messages must be a list of {role, content}' })
  @ArrayMinSize(1, { message: 'messages must hold at least one message' })
  @ArrayMaxSize(MAX_CHAT_MESSAGES, {
    message: `messages must hold at most ${MAX_CHAT_MESSAGES} messages`,
  })
  @NestedObjects(() => ChatMessageContract, 'messages')
  messages!: ChatMessageContract[];
}

export interface TokenUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}

/** Generated text, in order; a streamed reply carries several, coalesced from many tokens. */
export interface GenerationTextChunk {
  type: 'text';
  text: string;
}

/** The last message of every generation reply. */
export interface GenerationDoneChunk {
  type: 'done';
  model: string;
  /** All of the text, for a request that did not stream (streamed text came in text chunks). */
  text?: string;
  finish_reason: FinishReason;
  usage: TokenUsage;
  /** The stored conversation's point id, when the request asked for `store_embedding`. */
  vector_id?: string;
}

/** One message of the reply stream of `inference.generate.v1` and `inference.chat.v1`. */
export type GenerationChunk = GenerationTextChunk | GenerationDoneChunk;

export const MODEL_STATES = ['loading', 'ready', 'failed'] as const;
export type ModelState = (typeof MODEL_STATES)[number];

/** Reply of `inference.models.v1`: one per configured model. */
export interface InferenceModelInfo {
  name: string;
  /** The GGUF file or hf: URI it was loaded from. */
  source: string;
  /** Tokens of its context (0 until loaded). */
  context_size: number;
  /** Requests it decodes together. */
  parallel: number;
  state: ModelState;
  /** Why it failed to load. */
  error?: string;
  default: boolean;
}
