import {
  ErrorCode,
  PlatformError,
  type ChatRequest,
  type GenerateRequest,
  type TokenLogprob,
} from '@aip/contracts';
import type { Generation } from '../clients/inference.client';
import type { OpenAiChatDto, OpenAiCompletionDto } from './openai.dto';
import type { TextChoice } from './openai-format';
import { completionLogprobs } from './openai-logprobs';

type ChatChoiceFields = Pick<
  ChatRequest,
  'n' | 'logprobs' | 'top_logprobs' | 'tools' | 'tool_choice' | 'parallel_tool_calls'
>;

/** What a chat request asks beyond one text: choices, log probabilities, tools. */
export function chatChoiceFields(body: OpenAiChatDto): ChatChoiceFields {
  const logprobs = body.logprobs === true;
  if (!logprobs && body.top_logprobs != null) {
    throw new PlatformError(ErrorCode.ValidationFailed, 'top_logprobs needs logprobs: true', {
      field: 'top_logprobs',
    });
  }
  return {
    ...(body.n === undefined ? {} : { n: body.n }),
    ...(logprobs ? { logprobs, top_logprobs: body.top_logprobs ?? 0 } : {}),
    ...(body.tools === undefined ? {} : { tools: body.tools }),
    ...(body.tool_choice === undefined ? {} : { tool_choice: body.tool_choice }),
    ...(body.parallel_tool_calls === undefined
      ? {}
      : { parallel_tool_calls: body.parallel_tool_calls }),
  };
}

type CompletionChoiceFields = Pick<
  GenerateRequest,
  'n' | 'logprobs' | 'top_logprobs' | 'prompt_logprobs'
>;

/**
 * What a completions request asks beyond one text. Its `logprobs` is the count of alternatives;
 * with `echo` the prompt's own tokens are scored too (the echoed text itself needs no model).
 */
export function completionChoiceFields(body: OpenAiCompletionDto): CompletionChoiceFields {
  const logprobs = body.logprobs != null;
  return {
    ...(body.n === undefined ? {} : { n: body.n }),
    ...(logprobs ? { logprobs, top_logprobs: body.logprobs! } : {}),
    ...(logprobs && body.echo === true ? { prompt_logprobs: true } : {}),
  };
}

/**
 * The choices of a completions reply: each prompt's `n`, in order, their index counting across
 * the prompts; with `echo` each text (and its log probabilities) begins with its prompt.
 */
export function textChoices(
  prompts: readonly string[],
  generations: readonly Generation[],
  body: OpenAiCompletionDto,
): TextChoice[] {
  const echo = body.echo === true;
  return generations.flatMap((generation, at) =>
    generation.choices.map((choice): TextChoice => {
      const prompt: TokenLogprob[] = echo ? (generation.promptLogprobs ?? []) : [];
      return {
        text: (echo ? prompts[at]! : '') + choice.text,
        finishReason: choice.finish_reason,
        ...(body.logprobs == null
          ? {}
          : { logprobs: completionLogprobs([...prompt, ...(choice.logprobs ?? [])], 0) }),
      };
    }),
  );
}
