/** One message of a chat, in the roles the chat templates know. */
export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
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
}

export interface GenerationResult {
  model: string;
  text: string;
  promptTokens: number;
  completionTokens: number;
  finishReason: 'stop' | 'length';
}

export interface GenerationOptions {
  /** Aborting frees the sequence at once; the promise then rejects. */
  signal?: AbortSignal;
  /** Called with each piece of text as it is generated, in order. */
  onText?: (text: string) => void;
}

/**
 * Text generation on the loaded models: the one seam between the generation engine and what
 * builds on it (RAG, stored conversations). Provided by the generation module.
 */
export abstract class TextGenerator {
  abstract generate(
    params: GenerationParams,
    options?: GenerationOptions,
  ): Promise<GenerationResult>;
}
