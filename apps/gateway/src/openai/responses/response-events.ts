import type {
  GenerationChunk,
  GenerationDoneChunk,
  GenerationToolCallChunk,
  PlatformError,
} from '@aip/contracts';
import type { SseFormat } from '../../generation/sse-stream';
import { openAiErrorOf } from '../openai-errors';
import {
  functionCallItem,
  itemId,
  outputText,
  responseObject,
  statusOf,
  type FunctionCallItem,
  type ItemStatus,
  type MessageItem,
  type OutputItem,
  type ResponseSettings,
} from './response-object';

/** The codes a failed Response's `error` may have (OpenAI's list); any other failure is a server error. */
const RESPONSE_ERROR_CODES = new Set(['server_error', 'rate_limit_exceeded']);

type OpenItem =
  | { kind: 'message'; item: MessageItem; index: number }
  | { kind: 'call'; item: FunctionCallItem; index: number };

const snapshot = <T>(value: T): T => structuredClone(value);

/**
 * The Responses API's event stream for one chat generation, as OpenAI sends it: the response
 * created and in progress; each output item added, filled (a message's text part by
 * `output_text.delta`, a call's arguments by `function_call_arguments.delta`) and done, in
 * order; then `response.completed` (or `response.incomplete`, cut off by the token limit) with
 * the whole Response. Every event carries its `type` and a `sequence_number` counting from 0.
 * A failure after the start ends it with `response.failed` (the response so far, its error) and
 * an `error` event, which the openai SDK raises as an APIError with OpenAI's type and code.
 */
export function responseEventFormat(
  settings: ResponseSettings,
): SseFormat<GenerationChunk> & Required<Pick<SseFormat<GenerationChunk>, 'failure'>> {
  let sequence = 0;
  let events: unknown[] = [];
  const output: OutputItem[] = [];
  const calls = new Map<number, { item: FunctionCallItem; index: number }>();
  let open: OpenItem | undefined;

  const emit = (type: string, fields: Record<string, unknown>) =>
    events.push({ type, sequence_number: sequence++, ...fields });
  const add = (item: OutputItem) => {
    output.push(item);
    emit('response.output_item.added', { output_index: output.length - 1, item: snapshot(item) });
    return output.length - 1;
  };
  const textPart = (at: { item: MessageItem; index: number }) => ({
    item_id: at.item.id,
    output_index: at.index,
    content_index: 0,
  });

  const openMessage = () => {
    close('completed');
    const item: MessageItem = {
      type: 'message',
      id: itemId('msg'),
      status: 'in_progress',
      role: 'assistant',
      content: [],
    };
    const at = { kind: 'message' as const, item, index: add(item) };
    item.content.push(outputText(''));
    emit('response.content_part.added', { ...textPart(at), part: snapshot(item.content[0]) });
    open = at;
    return at;
  };

  const close = (status: ItemStatus) => {
    const at = open;
    if (at === undefined) return;
    open = undefined;
    if (at.kind === 'message') {
      const part = at.item.content[0]!;
      emit('response.output_text.done', { ...textPart(at), text: part.text, logprobs: [] });
      emit('response.content_part.done', { ...textPart(at), part: snapshot(part) });
    } else {
      emit('response.function_call_arguments.done', {
        item_id: at.item.id,
        output_index: at.index,
        name: at.item.name,
        arguments: at.item.arguments,
      });
    }
    at.item.status = status;
    emit('response.output_item.done', { output_index: at.index, item: snapshot(at.item) });
  };

  const text = (delta: string) => {
    const at = open?.kind === 'message' ? open : openMessage();
    at.item.content[0]!.text += delta;
    emit('response.output_text.delta', { ...textPart(at), delta, logprobs: [] });
  };

  const toolCall = (chunk: GenerationToolCallChunk) => {
    let at = calls.get(chunk.index);
    if (chunk.id !== undefined || at === undefined) {
      close('completed');
      const call = { id: chunk.id ?? '', function: { name: chunk.name ?? '', arguments: '' } };
      const item = functionCallItem({ ...call, type: 'function' }, 'in_progress');
      at = { item, index: add(item) };
      calls.set(chunk.index, at);
      open = { kind: 'call', ...at };
    }
    if (chunk.arguments === '') return;
    at.item.arguments += chunk.arguments;
    emit('response.function_call_arguments.delta', {
      item_id: at.item.id,
      output_index: at.index,
      delta: chunk.arguments,
    });
  };

  const finish = (done: GenerationDoneChunk) => {
    const status = statusOf(done.finish_reason);
    if (output.length === 0) openMessage();
    close(status === 'incomplete' ? 'incomplete' : 'completed');
    emit(`response.${status}`, {
      response: responseObject(settings, { status, output, model: done.model, usage: done.usage }),
    });
  };

  return {
    events: (chunk) => {
      events = [];
      if (sequence === 0) {
        const response = responseObject(settings, { status: 'in_progress', output: [] });
        emit('response.created', { response });
        emit('response.in_progress', { response });
      }
      if (chunk.type === 'text') text(chunk.text);
      else if (chunk.type === 'tool_call') toolCall(chunk);
      else if (chunk.type === 'done') finish(chunk);
      return events;
    },
    failure: (error: PlatformError) => {
      events = [];
      const { body } = openAiErrorOf(error);
      const code = body.error.code ?? 'server_error';
      emit('response.failed', {
        response: responseObject(settings, {
          status: 'failed',
          output,
          error: {
            code: RESPONSE_ERROR_CODES.has(code) ? code : 'server_error',
            message: body.error.message,
          },
        }),
      });
      // `error` holds the error as a /v1 error body does: the SDK raises an event carrying it.
      const { message, param } = body.error;
      emit('error', { code: body.error.code, message, param, error: body.error });
      return events;
    },
  };
}
