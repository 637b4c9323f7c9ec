import type { ChatRequest } from '@aip/contracts';
import {
  OPENAI_CHAT_DEFAULT_MAX_TOKENS,
  OPENAI_DEFAULT_TEMPERATURE,
  WITHIN_CONTEXT,
} from '../openai-generation-defaults';
import { chatMessagesOfInput } from './response-input';
import { refusal } from './response-input-refusal';
import { jsonSchemaOfFormat } from './response-text.dto';
import { chatToolChoiceOf, chatToolsOf, type ResponsesFunctionTool } from './response-tools';
import type { ResponsesRequestDto } from './responses.dto';

export type ChatPayload = Omit<ChatRequest, 'generation_id'>;

/**
 * The chat request a Responses request stands for, on the same path to the inference service
 * as `/v1/chat/completions`: the same token limit (clamped to the context), sampling, grammar
 * for a JSON format and function calling. What the chat route leaves to the inference service
 * to refuse is checked here first, so the refusal names this request's fields.
 */
export function chatRequestOf(
  body: ResponsesRequestDto,
  tools: readonly ResponsesFunctionTool[],
): ChatPayload {
  const toolChoice = chatToolChoiceOf(body.tool_choice, tools);
  const jsonSchema = jsonSchemaOfFormat(body.text?.format);
  if (jsonSchema !== undefined && tools.length > 0 && toolChoice !== 'none') {
    // node-llama-cpp constrains a reply by a grammar or by function calling, not both.
    throw refusal(
      ['text', 'format'],
      `${body.text!.format!.type} cannot be combined with tools unless tool_choice is none`,
    );
  }
  return {
    model: body.model === 'default' ? undefined : body.model,
    max_tokens: body.max_output_tokens ?? OPENAI_CHAT_DEFAULT_MAX_TOKENS,
    temperature: body.temperature ?? OPENAI_DEFAULT_TEMPERATURE,
    ...(body.top_p == null ? {} : { top_p: body.top_p }),
    ...WITHIN_CONTEXT,
    ...(jsonSchema === undefined ? {} : { json_schema: jsonSchema }),
    messages: chatMessagesOfInput(body.input, body.instructions, body.model),
    ...(tools.length === 0 ? {} : { tools: chatToolsOf(tools) }),
    ...(toolChoice === undefined ? {} : { tool_choice: toolChoice }),
    ...(body.parallel_tool_calls == null ? {} : { parallel_tool_calls: body.parallel_tool_calls }),
  };
}
