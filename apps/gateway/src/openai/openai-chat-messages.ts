import { ErrorCode, PlatformError, type ChatMessageContract, type ChatRole } from '@aip/contracts';
import {
  MEDIA_PART_TYPES,
  PART_SEPARATOR,
  textOfPart,
  type OpenAiMessageContent,
} from './openai-chat-content';

/** What each media part is, as a refusal names it. */
const MEDIA_KIND: Record<(typeof MEDIA_PART_TYPES)[number], string> = {
  image_url: 'images',
  input_audio: 'audio',
  file: 'files',
};

function isMediaPart(type: string): type is (typeof MEDIA_PART_TYPES)[number] {
  return (MEDIA_PART_TYPES as readonly string[]).includes(type);
}

/**
 * Tool calls and results go on as they came: the inference service validates them against its
 * contract (the gateway checks only that they are objects) and gives them their meaning.
 */
function toolFieldsOf(message: OpenAiMessageContent): Partial<ChatMessageContract> {
  return {
    ...(message.tool_calls === undefined ? {} : { tool_calls: message.tool_calls }),
    ...(message.tool_call_id === undefined ? {} : { tool_call_id: message.tool_call_id }),
  } as Partial<ChatMessageContract>;
}

/**
 * The messages of an OpenAI chat request as the inference service takes them: `developer` is
 * `system`, parts become their text joined, an assistant turn that only called tools has empty
 * text, tool calls and results are passed on. `name` has no place in the chat templates and is left out. No model here reads media
 * (node-llama-cpp 3 has no image or audio input), so an image, audio or file part is the
 * caller's 400, naming the part and the model, rather than something silently dropped.
 */
export function toChatMessages(
  messages: OpenAiMessageContent[],
  model: string,
): ChatMessageContract[] {
  return messages.map((message, index) => {
    const role = (message.role === 'developer' ? 'system' : message.role) as ChatRole;
    const tools = toolFieldsOf(message);
    const { content } = message;
    if (content === null || content === undefined) return { role, content: '', ...tools };
    if (typeof content === 'string') return { role, content, ...tools };
    const media = content.findIndex((part) => isMediaPart(part.type));
    if (media >= 0) {
      const type = content[media]!.type as (typeof MEDIA_PART_TYPES)[number];
      throw new PlatformError(
        ErrorCode.ValidationFailed,
        `Model ${model} cannot read ${MEDIA_KIND[type]}: messages[${index}].content[${media}] is of type ${type}; send text parts only`,
        { field: `messages.${index}.content.${media}`, model },
      );
    }
    return { role, content: content.map(textOfPart).join(PART_SEPARATOR), ...tools };
  });
}
