import type { ConversationRecord } from '../conversations/conversation-store.service';
import type { GenerationParams, GenerationResult } from './text-generator';

/**
 * The record of a finished generation: a raw prompt as given, a chat as `role: content` lines
 * in order, so both read back (and embed) as the exchange they were.
 */
export function conversationOf(
  input: Pick<GenerationParams, 'prompt' | 'messages'>,
  result: GenerationResult,
  tenant: string | undefined,
): ConversationRecord {
  const prompt =
    input.prompt ?? (input.messages ?? []).map((m) => `${m.role}: ${m.content}`).join('\n');
  return {
    prompt,
    response: result.text,
    model: result.model,
    promptTokens: result.promptTokens,
    completionTokens: result.completionTokens,
    tenant,
  };
}
