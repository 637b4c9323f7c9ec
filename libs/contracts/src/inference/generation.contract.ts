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
  ValidateIf,
} from 'class-validator';
import { NestedObjects } from '../validation/nested-object';
import { Subject } from '../subjects/subject';
import { TenantField, rules } from '../vector/vector-points.contract';
import { MAX_TOP_LOGPROBS, type TokenLogprob } from './logprobs.contract';
import {
  MAX_TOOL_CALL_ID_CHARS,
  MAX_TOOLS,
  ToolCallContract,
  ToolCallsSize,
  ToolChoiceField,
  ToolContract,
  type ToolCall,
  type ToolChoice,
} from './tool-calling.contract';

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
/**
 * Most choices (`n`) one request may ask for. Each is a generation of its own, on a sequence
 * of its own while the model has them free, else one after another within the request's time.
 */
export const MAX_CHOICES = 4;

export const CHAT_ROLES = ['system', 'user', 'assistant', 'tool'] as const;
export type ChatRole = (typeof CHAT_ROLES)[number];
/** The collection generations are stored in with `store_embedding: true`. */
export const CONVERSATIONS_COLLECTION = 'conversations';

export const FINISH_REASONS = ['stop', 'length', 'tool_calls'] as const;
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

/** How many choices to generate and what to report of each token (the OpenAI API's options). */
export class GenerationChoices extends GenerationRouting {
  @IsOptional()
  @IntInRange('n', 1, MAX_CHOICES)
  n?: number;

  /** Report each generated token's log probability. */
  @IsOptional()
  @IsBoolean({ message: 'logprobs must be a boolean' })
  logprobs?: boolean;

  /** With `logprobs`: the most likely alternatives to list at each token. */
  @IsOptional()
  @IntInRange('top_logprobs', 0, MAX_TOP_LOGPROBS)
  top_logprobs?: number;
}

/** Payload of `inference.generate.v1`: a raw prompt, continued by the model. */
export class GenerateRequest extends GenerationChoices {
  @IsString()
  @MaxLength(MAX_PROMPT_CHARS, { message: `prompt must be at most ${MAX_PROMPT_CHARS} characters` })
  prompt!: string;

  /** With `logprobs`: the prompt's tokens and their log probabilities too (OpenAI's `echo`). */
  @IsOptional()
  @IsBoolean({ message: 'prompt_logprobs must be a boolean' })
  prompt_logprobs?: boolean;
}

export class ChatMessageContract {
  @IsIn(CHAT_ROLES, { message: `role must be one of: ${CHAT_ROLES.join(', ')}` })
  role!: ChatRole;

  /** Null or absent only in an assistant message that calls tools instead. */
  @ValidateIf((m: ChatMessageContract) => !(m.tool_calls?.length && m.content == null))
  @IsString({ message: 'content must be a string' })
  @MaxLength(MAX_PROMPT_CHARS, {
    message: `content must be at most ${MAX_PROMPT_CHARS} characters`,
  })
  content!: string | null;

  /** The tools an assistant message called, answered by the `tool` messages after it. */
  @IsOptional()
  @IsArray({ message: 'tool_calls must be a list of tool calls' })
  @ToolCallsSize()
  @NestedObjects(() => ToolCallContract, 'tool_calls')
  tool_calls?: ToolCallContract[];

  /** The call a `tool` message gives the result of. */
  @ValidateIf((m: ChatMessageContract) => m.role === 'tool' || m.tool_call_id !== undefined)
  @IsString({ message: 'tool_call_id must be a string (a tool message answers one call)' })
  @MaxLength(MAX_TOOL_CALL_ID_CHARS, {
    message: `tool_call_id must be at most ${MAX_TOOL_CALL_ID_CHARS} characters`,
  })
  tool_call_id?: string;
}

/** Payload of `inference.chat.v1`: messages rendered with the model's chat template. */
export class ChatRequest extends GenerationChoices {
  @IsArray({ message: 'messages must be a list of {role, content}' })
  @ArrayMinSize(1, { message: 'messages must hold at least one message' })
  @ArrayMaxSize(MAX_CHAT_MESSAGES, {
    message: `messages must hold at most ${MAX_CHAT_MESSAGES} messages`,
  })
  @NestedObjects(() => ChatMessageContract, 'messages')
  messages!: ChatMessageContract[];

  /** Functions the model may call instead of (or before) answering. */
  @IsOptional()
  @IsArray({ message: 'tools must be a list of tools' })
  @ArrayMaxSize(MAX_TOOLS, { message: `tools must hold at most ${MAX_TOOLS} tools` })
  @NestedObjects(() => ToolContract, 'tools')
  tools?: ToolContract[];

  /** Default `auto` with tools, `none` without. */
  @IsOptional()
  @ToolChoiceField()
  tool_choice?: ToolChoice;

  /** Whether one reply may call several tools (when the chat template supports it). */
  @IsOptional()
  @IsBoolean({ message: 'parallel_tool_calls must be a boolean' })
  parallel_tool_calls?: boolean;
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
  /** The choice it belongs to when the request asked for several (`n`); 0 when absent. */
  choice?: number;
  /** With `logprobs`: the tokens generated since the last chunk of this choice. */
  logprobs?: TokenLogprob[];
}

/**
 * A piece of a tool call, streamed as the model writes it: the first piece of each call
 * carries its id and function name, the later ones more of its JSON arguments.
 */
export interface GenerationToolCallChunk {
  type: 'tool_call';
  choice?: number;
  /** Which call of the choice (0 for the first). */
  index: number;
  id?: string;
  name?: string;
  arguments: string;
}

/** With `prompt_logprobs`: the prompt's tokens, before any generated text. */
export interface GenerationPromptLogprobsChunk {
  type: 'prompt_logprobs';
  logprobs: TokenLogprob[];
}

/** How one choice ended; with its text and calls when they were not streamed. */
export interface GenerationChoiceEnd {
  index: number;
  finish_reason: FinishReason;
  text?: string;
  tool_calls?: ToolCall[];
}

/** The last message of every generation reply. */
export interface GenerationDoneChunk {
  type: 'done';
  model: string;
  /** All of the text, for a request that did not stream (streamed text came in text chunks). */
  text?: string;
  /** The calls the model made, for a request that did not stream them. */
  tool_calls?: ToolCall[];
  finish_reason: FinishReason;
  /** Tokens of all the choices together. */
  usage: TokenUsage;
  /** Every choice, in order, when the request asked for more than one (the fields above are the first's). */
  choices?: GenerationChoiceEnd[];
  /** The stored conversation's point id, when the request asked for `store_embedding`. */
  vector_id?: string;
}

/** One message of the reply stream of `inference.generate.v1` and `inference.chat.v1`. */
export type GenerationChunk =
  | GenerationTextChunk
  | GenerationToolCallChunk
  | GenerationPromptLogprobsChunk
  | GenerationDoneChunk;

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
