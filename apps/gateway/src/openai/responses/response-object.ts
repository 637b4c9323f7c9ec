import { randomUUID } from 'node:crypto';
import type { FinishReason, TokenUsage, ToolCall } from '@aip/contracts';
import type { GeneratedChoice } from '../../clients/inference.client';
import { OPENAI_DEFAULT_TEMPERATURE } from '../openai-generation-defaults';
import type { ResponsesRequestDto } from './responses.dto';
import type { ResponsesTextFormatDto } from './response-text.dto';
import type { ResponsesFunctionTool, ResponsesToolChoice } from './response-tools';

/** An id as OpenAI's look: a prefix naming what it is (`resp`, `msg`, `fc`) and hex. */
export const itemId = (prefix: 'resp' | 'msg' | 'fc') =>
  `${prefix}_${randomUUID().replace(/-/g, '')}`;

/** What a Response echoes of its request, the same in every event of a stream. */
export interface ResponseSettings {
  id: string;
  created_at: number;
  instructions: string | null;
  max_output_tokens: number | null;
  model: string;
  parallel_tool_calls: boolean;
  temperature: number;
  top_p: number;
  tools: ResponsesFunctionTool[];
  tool_choice: ResponsesToolChoice;
  text: { format: ResponsesTextFormatDto | { type: 'text' } };
  metadata: Record<string, string>;
  user: string | null;
  safety_identifier: string | null;
  prompt_cache_key: string | null;
}

export function responseSettingsOf(
  body: ResponsesRequestDto,
  tools: ResponsesFunctionTool[],
): ResponseSettings {
  return {
    id: itemId('resp'),
    created_at: Math.floor(Date.now() / 1000),
    instructions: body.instructions ?? null,
    max_output_tokens: body.max_output_tokens ?? null,
    model: body.model,
    parallel_tool_calls: body.parallel_tool_calls ?? true,
    temperature: body.temperature ?? OPENAI_DEFAULT_TEMPERATURE,
    top_p: body.top_p ?? 1,
    tools,
    tool_choice: body.tool_choice ?? 'auto',
    text: { format: body.text?.format ?? { type: 'text' } },
    metadata: body.metadata ?? {},
    user: body.user ?? null,
    safety_identifier: body.safety_identifier ?? null,
    prompt_cache_key: body.prompt_cache_key ?? null,
  };
}

export type ItemStatus = 'in_progress' | 'completed' | 'incomplete';

export interface OutputText {
  type: 'output_text';
  text: string;
  annotations: [];
  logprobs: [];
}

export interface MessageItem {
  type: 'message';
  id: string;
  status: ItemStatus;
  role: 'assistant';
  content: OutputText[];
}

export interface FunctionCallItem {
  type: 'function_call';
  id: string;
  call_id: string;
  name: string;
  arguments: string;
  status: ItemStatus;
}

export type OutputItem = MessageItem | FunctionCallItem;

export const outputText = (text: string): OutputText => ({
  type: 'output_text',
  text,
  annotations: [],
  logprobs: [],
});

export const messageItem = (text: string, status: ItemStatus): MessageItem => ({
  type: 'message',
  id: itemId('msg'),
  status,
  role: 'assistant',
  content: [outputText(text)],
});

/** A call the model made, its chat id (`call_…`) as the call_id the output must answer. */
export const functionCallItem = (call: ToolCall, status: ItemStatus): FunctionCallItem => ({
  type: 'function_call',
  id: itemId('fc'),
  call_id: call.id,
  name: call.function.name,
  arguments: call.function.arguments,
  status,
});

/** A Response's `status`: a reply cut off by its token limit (or the context) is incomplete. */
export const statusOf = (finish: FinishReason) =>
  finish === 'length' ? ('incomplete' as const) : ('completed' as const);

/**
 * The output of one chat choice: its text as a message, then its calls. A reply that only
 * called tools has no message; one with neither text nor calls has an empty message. The item
 * a length limit cut off is incomplete.
 */
export function outputOfChoice(choice: GeneratedChoice): OutputItem[] {
  const cut = choice.finish_reason === 'length';
  const hasMessage = choice.text !== '' || choice.tool_calls.length === 0;
  const calls = choice.tool_calls;
  const statusAt = (index: number, count: number): ItemStatus =>
    cut && index === count - 1 ? 'incomplete' : 'completed';
  const count = calls.length + (hasMessage ? 1 : 0);
  return [
    ...(hasMessage ? [messageItem(choice.text, statusAt(0, count))] : []),
    ...calls.map((call, index) =>
      functionCallItem(call, statusAt(index + (hasMessage ? 1 : 0), count)),
    ),
  ];
}

/** OpenAI's usage of a response; cached prompt tokens are not counted here, so 0. */
export const responseUsageOf = (usage: TokenUsage) => ({
  input_tokens: usage.prompt_tokens,
  input_tokens_details: { cached_tokens: 0 },
  output_tokens: usage.completion_tokens,
  output_tokens_details: { reasoning_tokens: 0 },
  total_tokens: usage.total_tokens,
});

export type ResponseStatus = 'in_progress' | 'completed' | 'incomplete' | 'failed';

export interface ResponseState {
  status: ResponseStatus;
  output: OutputItem[];
  /** The model that served it, once known. */
  model?: string;
  usage?: TokenUsage;
  error?: { code: string; message: string };
}

/** The Response object in one of its states, its settings echoed as OpenAI echoes them. */
export function responseObject(
  settings: ResponseSettings,
  state: ResponseState,
): Record<string, unknown> {
  const { id, created_at, model, ...echoed } = settings;
  const ended = state.status === 'completed' || state.status === 'incomplete';
  return {
    id,
    object: 'response',
    created_at,
    status: state.status,
    background: false,
    completed_at: state.status === 'completed' ? Math.floor(Date.now() / 1000) : null,
    error: state.error ?? null,
    incomplete_details:
      state.status === 'incomplete' ? { reason: 'max_output_tokens' as const } : null,
    model: state.model ?? model,
    output: state.output,
    previous_response_id: null,
    reasoning: { effort: null, summary: null },
    service_tier: 'default',
    store: false,
    top_logprobs: 0,
    truncation: 'disabled',
    ...echoed,
    usage: ended && state.usage ? responseUsageOf(state.usage) : null,
  };
}
