import type {
  FinishReason,
  LogprobsRequest,
  TokenLogprob,
  ToolCall,
  ToolChoice,
} from '@aip/contracts';

/** One message of a chat, in the roles the chat templates know, and tool results. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant' | 'tool';
  /** '' in an assistant message that only calls tools. */
  content: string;
  /** The tools an assistant message called. */
  toolCalls?: ToolCall[];
  /** The call a `tool` message answers. */
  toolCallId?: string;
}

/** A function the model may call, its arguments constrained by a JSON schema. */
export interface ToolDefinition {
  name: string;
  description?: string;
  parameters?: Record<string, unknown>;
}

/** What to generate: a raw `prompt`, or `messages` rendered with the model's chat template. */
export interface GenerationParams {
  /** A configured model name; the default model when absent. */
  model?: string;
  prompt?: string;
  messages?: ChatMessage[];
  maxTokens: number;
  temperature?: number;
  topP?: number;
  topK?: number;
  seed?: number;
  stop?: string[];
  /** A JSON schema the output must follow, enforced by a grammar. */
  jsonSchema?: Record<string, unknown>;
  /** End (finish reason length) when the context is full, rather than shift it and go on. */
  stopAtContextEnd?: boolean;
  /** Chat only: functions the model may call, and whether it must. */
  tools?: ToolDefinition[];
  toolChoice?: ToolChoice;
  /** Whether one reply may call several tools; default true. */
  parallelToolCalls?: boolean;
  /** Report each generated token's log probability. */
  logprobs?: LogprobsRequest;
  /** Prompt only, with `logprobs`: the prompt's tokens and their log probabilities too. */
  promptLogprobs?: boolean;
}

export interface GenerationResult {
  model: string;
  text: string;
  promptTokens: number;
  completionTokens: number;
  /** `tool_calls` when the model called tools (and so ended its reply). */
  finishReason: FinishReason;
  /** The calls the model made; a call cut off by max_tokens is there as far as it got. */
  toolCalls?: ToolCall[];
}

/** A piece of a tool call as the model writes it: the first carries the id and the name. */
export interface ToolCallPiece {
  index: number;
  id?: string;
  name?: string;
  arguments: string;
}

/** What a caller hears of one choice while it is generated, in order. */
export interface ChoiceListener {
  /** Each piece of text; with `logprobs`, the log probabilities of its tokens. */
  onText?: (text: string, logprobs?: TokenLogprob[]) => void;
  onToolCall?: (piece: ToolCallPiece) => void;
}

export interface GenerationOptions extends ChoiceListener {
  /** Aborting frees the sequence at once; the promise then rejects. */
  signal?: AbortSignal;
}

export interface ChoicesOptions {
  /** Aborting stops every choice and frees their sequences; the promise then rejects. */
  signal?: AbortSignal;
  /** The listener of each choice, by its index. */
  choice?: (index: number) => ChoiceListener;
  /** With `promptLogprobs`: the prompt's tokens, once, before any choice's text. */
  onPromptLogprobs?: (logprobs: TokenLogprob[]) => void;
}

/**
 * Text generation on the loaded models: the one seam between the generation engine and what
 * builds on it (RAG, stored conversations). Provided by the generation module.
 */
export abstract class TextGenerator {
  /** `n` choices for the same input, in order of their index. */
  abstract generateChoices(
    params: GenerationParams,
    n: number,
    options?: ChoicesOptions,
  ): Promise<GenerationResult[]>;

  async generate(
    params: GenerationParams,
    options: GenerationOptions = {},
  ): Promise<GenerationResult> {
    const { signal, ...listener } = options;
    const [result] = await this.generateChoices(params, 1, { signal, choice: () => listener });
    return result!;
  }
}
