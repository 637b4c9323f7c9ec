import {
  MAX_CHAT_MESSAGES,
  MAX_TOOL_ARGUMENTS_CHARS,
  MAX_TOOL_CALL_ID_CHARS,
  TOOL_NAME_PATTERN,
  type ChatMessageContract,
  type ChatRole,
  type ToolCall,
} from '@aip/contracts';
import {
  OUTPUT_TEXT_PARTS,
  TEXT_PARTS_BY_ROLE,
  textOfContent,
  type InputRole,
} from './response-input-content';
import {
  isPlainObject,
  refusal,
  refuseUnknownFields,
  stringAt,
  type FieldPath,
} from './response-input-refusal';

/** The item types `input` takes: messages and a function-calling round trip. */
export const INPUT_ITEM_TYPES = ['message', 'function_call', 'function_call_output'] as const;

// `id` and `status` come with the items of an earlier reply sent back; they change nothing.
const MESSAGE_FIELDS = ['type', 'role', 'content', 'id', 'status'];
const CALL_FIELDS = ['type', 'call_id', 'name', 'arguments', 'id', 'status'];
const OUTPUT_FIELDS = ['type', 'call_id', 'output', 'id', 'status'];

/** Why an item type other than those is refused, where a reason is worth more than the list. */
const REFUSED_ITEM_TYPES: Record<string, string> = {
  item_reference:
    'refers to a stored item, and responses are not stored here: send the item itself',
  reasoning: 'is a reasoning item: no model here reasons',
};

/** The chat messages being built, with the calls that still wait for their output. */
class Conversation {
  readonly messages: ChatMessageContract[] = [];
  /** Each unanswered call's id, with where its item is. */
  private readonly waiting = new Map<string, FieldPath>();

  add(message: ChatMessageContract): void {
    this.requireAnswered();
    this.messages.push(message);
  }

  /** A call joins the assistant turn just before it (its text, or calls before it). */
  call(call: ToolCall, path: FieldPath): void {
    if (this.waiting.has(call.id) || this.answered(call.id)) {
      throw refusal([...path, 'call_id'], `${call.id} is the call_id of an earlier function_call`);
    }
    const last = this.messages.at(-1);
    if (last?.role === 'assistant') {
      (last.tool_calls ??= []).push(call);
    } else {
      this.messages.push({ role: 'assistant', content: '', tool_calls: [call] });
    }
    this.waiting.set(call.id, path);
  }

  answer(callId: string, content: string, path: FieldPath): void {
    if (!this.waiting.delete(callId)) {
      throw refusal(
        [...path, 'call_id'],
        `${callId} answers no function_call before it that is still waiting for its output`,
      );
    }
    this.messages.push({ role: 'tool', content, tool_call_id: callId });
  }

  /**
   * The chat templates render a call and its result together, so every call's output must come
   * before the next message (as OpenAI refuses a call without output).
   */
  requireAnswered(): void {
    const [first] = this.waiting;
    if (first === undefined) return;
    const [callId, path] = first;
    throw refusal(
      path,
      `(function_call ${callId}) has no function_call_output after it: send each call's output before the next message`,
    );
  }

  private answered(callId: string): boolean {
    return this.messages.some((m) => m.role === 'tool' && m.tool_call_id === callId);
  }
}

function addMessage(
  conversation: Conversation,
  item: Record<string, unknown>,
  path: FieldPath,
  model: string,
): void {
  refuseUnknownFields(item, path, MESSAGE_FIELDS, 'a message item');
  const { role } = item;
  if (typeof role !== 'string' || !Object.hasOwn(TEXT_PARTS_BY_ROLE, role)) {
    throw refusal(
      [...path, 'role'],
      `must be one of: ${Object.keys(TEXT_PARTS_BY_ROLE).join(', ')}`,
    );
  }
  const allowed = TEXT_PARTS_BY_ROLE[role as InputRole];
  const content = textOfContent(item['content'], [...path, 'content'], allowed, model);
  conversation.add({ role: (role === 'developer' ? 'system' : role) as ChatRole, content });
}

function addCall(conversation: Conversation, item: Record<string, unknown>, path: FieldPath) {
  refuseUnknownFields(item, path, CALL_FIELDS, 'a function_call item');
  const id = stringAt(item, path, 'call_id', MAX_TOOL_CALL_ID_CHARS, 1);
  const name = item['name'];
  if (typeof name !== 'string' || !TOOL_NAME_PATTERN.test(name)) {
    throw refusal([...path, 'name'], 'must be 1-64 letters, digits, _ or -');
  }
  const args = stringAt(item, path, 'arguments', MAX_TOOL_ARGUMENTS_CHARS);
  conversation.call({ id, type: 'function', function: { name, arguments: args } }, path);
}

function addOutput(
  conversation: Conversation,
  item: Record<string, unknown>,
  path: FieldPath,
  model: string,
): void {
  refuseUnknownFields(item, path, OUTPUT_FIELDS, 'a function_call_output item');
  const callId = stringAt(item, path, 'call_id', MAX_TOOL_CALL_ID_CHARS, 1);
  const output = textOfContent(item['output'], [...path, 'output'], OUTPUT_TEXT_PARTS, model);
  conversation.answer(callId, output, path);
}

function addItem(conversation: Conversation, item: unknown, path: FieldPath, model: string) {
  if (!isPlainObject(item)) throw refusal(path, 'must be an input item object');
  // A message may leave its type out (OpenAI's "easy" input message).
  const type = item['type'] ?? 'message';
  switch (type) {
    case 'message':
      return addMessage(conversation, item, path, model);
    case 'function_call':
      return addCall(conversation, item, path);
    case 'function_call_output':
      return addOutput(conversation, item, path, model);
  }
  const why = typeof type === 'string' ? REFUSED_ITEM_TYPES[type] : undefined;
  throw refusal(
    [...path, 'type'],
    why ?? `must be one of: ${INPUT_ITEM_TYPES.join(', ')} (built-in tool items are not offered)`,
  );
}

/**
 * The chat messages a Responses request stands for: `instructions` as a system message first,
 * then `input` (a string is one user message) item by item. `developer` is `system`; text parts
 * are joined as the chat route joins them; function calls join the assistant turn before them
 * as its tool_calls, and each function_call_output is the `tool` message answering its call.
 * Everything is checked on the way, each refusal naming the item and field it is about.
 */
export function chatMessagesOfInput(
  input: string | readonly unknown[],
  instructions: string | null | undefined,
  model: string,
): ChatMessageContract[] {
  const conversation = new Conversation();
  if (instructions != null) conversation.add({ role: 'system', content: instructions });
  if (typeof input === 'string') {
    conversation.add({ role: 'user', content: input });
  } else {
    input.forEach((item, index) => addItem(conversation, item, ['input', index], model));
    conversation.requireAnswered();
  }
  if (conversation.messages.length > MAX_CHAT_MESSAGES) {
    throw refusal(
      ['input'],
      `and instructions must make at most ${MAX_CHAT_MESSAGES} chat messages (calls of one turn make one)`,
    );
  }
  return conversation.messages;
}
