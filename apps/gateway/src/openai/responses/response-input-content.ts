import { MAX_PROMPT_CHARS } from '@aip/contracts';
import { PART_SEPARATOR } from '../openai-chat-content';
import {
  isPlainObject,
  refusal,
  refuseUnknownFields,
  stringAt,
  type FieldPath,
} from './response-input-refusal';

/** Who may write which text parts, as OpenAI's Responses API takes them. */
export const TEXT_PARTS_BY_ROLE = {
  user: ['input_text'],
  system: ['input_text'],
  developer: ['input_text'],
  assistant: ['output_text', 'refusal'],
} as const;
export type InputRole = keyof typeof TEXT_PARTS_BY_ROLE;
/** A function's output may be text parts too. */
export const OUTPUT_TEXT_PARTS = ['input_text'] as const;

/** The fields of each text part; an earlier reply's `output_text` comes back with its extras. */
const PART_FIELDS: Record<string, readonly string[]> = {
  input_text: ['type', 'text'],
  output_text: ['type', 'text', 'annotations', 'logprobs'],
  refusal: ['type', 'refusal'],
};

/** Parts that carry media rather than text, and what a refusal calls them. */
const MEDIA_PARTS: Record<string, string> = {
  input_image: 'images',
  input_file: 'files',
  input_audio: 'audio',
};

function textOfPart(part: unknown, path: FieldPath, allowed: readonly string[], model: string) {
  if (!isPlainObject(part)) throw refusal(path, 'must be a content part object');
  const { type } = part;
  if (typeof type === 'string' && allowed.includes('input_text') && type in MEDIA_PARTS) {
    // No model here reads media (node-llama-cpp 3 has no image or audio input): refused, not dropped.
    throw refusal(
      path,
      `is of type ${type}: model ${model} cannot read ${MEDIA_PARTS[type]}; send text parts only`,
      { model },
    );
  }
  if (typeof type !== 'string' || !allowed.includes(type)) {
    throw refusal([...path, 'type'], `must be one of: ${allowed.join(', ')}`);
  }
  refuseUnknownFields(part, path, PART_FIELDS[type]!, `an ${type} part`);
  return stringAt(part, path, type === 'refusal' ? 'refusal' : 'text', MAX_PROMPT_CHARS);
}

/**
 * The text of a message's (or a function output's) content: a string, or a list of the text
 * parts `allowed` joined by new lines, as the chat route joins its parts; at most the platform's
 * limit for one message.
 */
export function textOfContent(
  content: unknown,
  path: FieldPath,
  allowed: readonly string[],
  model: string,
): string {
  let text: string;
  if (typeof content === 'string') {
    text = content;
  } else if (Array.isArray(content)) {
    if (content.length === 0) throw refusal(path, 'must hold at least one content part');
    text = content
      .map((part, index) => textOfPart(part, [...path, index], allowed, model))
      .join(PART_SEPARATOR);
  } else {
    throw refusal(path, 'must be a string or a list of content parts');
  }
  if (text.length > MAX_PROMPT_CHARS) {
    throw refusal(path, `must be at most ${MAX_PROMPT_CHARS} characters`);
  }
  return text;
}
