import { MAX_PROMPT_CHARS } from '@aip/contracts';

/** The roles OpenAI's chat API takes; `developer` is the newer name of `system`. */
export const OPENAI_CHAT_ROLES = ['system', 'developer', 'user', 'assistant', 'tool'] as const;
export type OpenAiChatRole = (typeof OPENAI_CHAT_ROLES)[number];

/** Content parts that carry media rather than text. */
export const MEDIA_PART_TYPES = ['image_url', 'input_audio', 'file'] as const;

/** The part types each role may send, as OpenAI's API takes them. */
const PART_TYPES_BY_ROLE: Record<OpenAiChatRole, readonly string[]> = {
  system: ['text'],
  developer: ['text'],
  user: ['text', ...MEDIA_PART_TYPES],
  assistant: ['text', 'refusal'],
  tool: ['text'],
};

export interface OpenAiContentPart {
  type: string;
  text?: unknown;
  refusal?: unknown;
}

/** One message of an OpenAI chat request, as far as its content goes. */
export interface OpenAiMessageContent {
  role: OpenAiChatRole;
  content?: string | OpenAiContentPart[] | null;
  tool_calls?: unknown[];
  tool_call_id?: string;
}

/** What the text of a text (or refusal) part is: the field of the part that holds it. */
export function textOfPart(part: OpenAiContentPart): string {
  return String(part.type === 'refusal' ? part.refusal : part.text);
}

/** Text parts are joined as lines, as the chat templates would show separate paragraphs. */
export const PART_SEPARATOR = '\n';

function partProblem(role: OpenAiChatRole, part: unknown, index: number): string | undefined {
  if (typeof part !== 'object' || part === null || Array.isArray(part))
    return `content[${index}] must be a content part object`;
  const { type } = part as OpenAiContentPart;
  // A role that is not one (refused by its own rule) gets the parts every role may send.
  const allowed = Object.hasOwn(PART_TYPES_BY_ROLE, role) ? PART_TYPES_BY_ROLE[role] : ['text'];
  if (typeof type !== 'string' || !allowed.includes(type))
    return `content[${index}].type of a ${role} message must be one of: ${allowed.join(', ')}`;
  if (type === 'text' && typeof (part as OpenAiContentPart).text !== 'string')
    return `content[${index}].text must be a string`;
  if (type === 'refusal' && typeof (part as OpenAiContentPart).refusal !== 'string')
    return `content[${index}].refusal must be a string`;
  return undefined;
}

/**
 * What is wrong with a message's content, or nothing: a string, a list of parts of the types its
 * role may send, or (for an assistant message that calls tools) null or absent. The text, parts
 * joined, stays within the platform's limit for one message.
 */
export function contentProblemOf(message: OpenAiMessageContent): string | undefined {
  const { role, content } = message;
  if (content === null || content === undefined) {
    return role === 'assistant' && Array.isArray(message.tool_calls)
      ? undefined
      : 'content is required, unless an assistant message carries tool_calls';
  }
  if (typeof content !== 'string' && !Array.isArray(content))
    return 'content must be a string or a list of content parts';
  if (Array.isArray(content)) {
    if (content.length === 0) return 'content must hold at least one content part';
    for (const [index, part] of content.entries()) {
      const problem = partProblem(role, part, index);
      if (problem !== undefined) return problem;
    }
  }
  const chars =
    typeof content === 'string'
      ? content.length
      : content.reduce(
          (sum, part, i) =>
            sum + (i > 0 ? PART_SEPARATOR.length : 0) + textLengthOf(part as OpenAiContentPart),
          0,
        );
  if (chars > MAX_PROMPT_CHARS) return `content must be at most ${MAX_PROMPT_CHARS} characters`;
  return undefined;
}

function textLengthOf(part: OpenAiContentPart): number {
  return part.type === 'text' || part.type === 'refusal' ? textOfPart(part).length : 0;
}
