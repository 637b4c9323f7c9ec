/** OpenAI's sampling temperature where a request leaves it out. */
export const OPENAI_DEFAULT_TEMPERATURE = 1;
/** Tokens a chat-like request (chat completions, responses) generates when it names no limit. */
export const OPENAI_CHAT_DEFAULT_MAX_TOKENS = 256;
export const OPENAI_COMPLETIONS_DEFAULT_MAX_TOKENS = 16;

/**
 * A token limit beyond what the model's context leaves after the prompt is clamped, not refused:
 * generation ends where the context does, with finish_reason `length` and the usage of what was
 * generated. (The gateway cannot count the prompt's tokens to refuse it up front; the inference
 * service would otherwise shift the context and go on, past what the model can still see.)
 */
export const WITHIN_CONTEXT = { stop_at_context_end: true } as const;
