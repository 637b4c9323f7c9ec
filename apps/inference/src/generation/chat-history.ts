import { ErrorCode, PlatformError } from '@aip/contracts';
import type { ChatMessage } from './text-generator';

/** A call the model made and its result, as node-llama-cpp renders it inside a model response. */
export interface ChatHistoryFunctionCall {
  type: 'functionCall';
  name: string;
  params: unknown;
  result: unknown;
  /** The first call of a batch the model made at once (parallel calls share a chunk). */
  startsNewChunk?: boolean;
}

/** node-llama-cpp's chat history items (its types are ESM-only, so restated here). */
export type ChatHistoryItem =
  | { type: 'system'; text: string }
  | { type: 'user'; text: string }
  | { type: 'model'; response: (string | ChatHistoryFunctionCall)[] };

const invalid = (message: string, field = 'messages') =>
  new PlatformError(ErrorCode.ValidationFailed, message, { field });

/** JSON text as the value it encodes, so the chat template renders it as JSON, not as a string. */
function jsonOrText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * OpenAI-style messages in the shape node-llama-cpp renders with the model's chat template. An
 * assistant message's tool calls become function calls of its model response, each holding the
 * result its `tool` message gave; text the assistant wrote after those results continues the
 * same response, as the template renders a call, its result and the answer as one turn.
 */
export function toChatHistory(messages: readonly ChatMessage[]): ChatHistoryItem[] {
  const items: ChatHistoryItem[] = [];
  // Calls waiting for their tool message, by id.
  const unanswered = new Map<string, ChatHistoryFunctionCall>();
  const requireAnswered = () => {
    if (unanswered.size === 0) return;
    throw invalid(
      `An assistant message with tool_calls must be followed by a tool message for each call; none answered ${[...unanswered.keys()].join(', ')}`,
    );
  };
  messages.forEach((message, position) => {
    if (message.toolCalls?.length && message.role !== 'assistant') {
      throw invalid(`messages[${position}]: only assistant messages may carry tool_calls`);
    }
    if (message.role !== 'tool') requireAnswered();
    switch (message.role) {
      case 'system':
        items.push({ type: 'system', text: message.content });
        return;
      case 'user':
        items.push({ type: 'user', text: message.content });
        return;
      case 'assistant': {
        const calls = (message.toolCalls ?? []).map((call, index): ChatHistoryFunctionCall => ({
          type: 'functionCall',
          name: call.function.name,
          params: jsonOrText(call.function.arguments),
          result: undefined,
          startsNewChunk: index === 0,
        }));
        message.toolCalls?.forEach((call, index) => unanswered.set(call.id, calls[index]!));
        const parts = [...(message.content === '' ? [] : [message.content]), ...calls];
        const last = items.at(-1);
        // An answer after tool results goes on with the response that made the calls.
        if (last?.type === 'model' && typeof last.response.at(-1) === 'object') {
          last.response.push(...parts);
        } else {
          items.push({ type: 'model', response: parts });
        }
        return;
      }
      case 'tool': {
        const call =
          message.toolCallId === undefined ? undefined : unanswered.get(message.toolCallId);
        if (!call) {
          throw invalid(
            `messages[${position}]: tool_call_id ${message.toolCallId ?? '(none)'} answers no tool call of the assistant message before it`,
            `messages[${position}].tool_call_id`,
          );
        }
        call.result = jsonOrText(message.content);
        unanswered.delete(message.toolCallId!);
        return;
      }
    }
  });
  requireAnswered();
  return items;
}
