import type {
  GenerationChoiceEnd,
  GenerationChunk,
  GenerationDoneChunk,
  TokenLogprob,
  TokenUsage,
} from '@aip/contracts';
import type { SseFormat } from '../generation/sse-stream';
import type { OpenAiIdentity } from './openai-format';
import { chatLogprobs, completionLogprobs } from './openai-logprobs';

/** How each choice of a reply ended, as the final message tells it. */
const endsOf = (done: GenerationDoneChunk): GenerationChoiceEnd[] =>
  done.choices ?? [{ index: 0, finish_reason: done.finish_reason }];

/**
 * The chat.completion.chunk stream. Each choice opens with the assistant role (and empty
 * content, or null content beside its first tool call), goes on with content deltas or tool
 * call deltas (a call's first delta carries its index, id, type, function name and empty
 * arguments; the later ones pieces of its arguments), then ends with an empty delta and its
 * finish reason. When asked, a last chunk with no choices carries the usage.
 */
export function chatChunkFormat(
  identity: OpenAiIdentity,
  includeUsage: boolean,
): SseFormat<GenerationChunk> {
  const opened = new Set<number>();
  const chunk = (choices: unknown[], usage?: TokenUsage) => ({
    ...identity,
    object: 'chat.completion.chunk',
    choices,
    ...(includeUsage ? { usage: usage ?? null } : {}),
  });
  const delta = (index: number, fields: Record<string, unknown>, extra = {}) =>
    chunk([{ index, delta: fields, ...extra, finish_reason: null }]);
  /** The role delta a choice opens with, once; `first` goes with it when the choice starts with a call. */
  const open = (index: number, events: unknown[], withCall?: Record<string, unknown>) => {
    if (opened.has(index)) return false;
    opened.add(index);
    events.push(
      delta(
        index,
        withCall
          ? { role: 'assistant', content: null, tool_calls: [withCall] }
          : { role: 'assistant', content: '' },
      ),
    );
    return withCall !== undefined;
  };
  return {
    events: (message) => {
      const events: unknown[] = [];
      switch (message.type) {
        case 'text': {
          const index = message.choice ?? 0;
          open(index, events);
          const logprobs = chatLogprobs(message.logprobs);
          events.push(delta(index, { content: message.text }, logprobs ? { logprobs } : {}));
          break;
        }
        case 'tool_call': {
          const index = message.choice ?? 0;
          const call =
            message.id === undefined
              ? { index: message.index, function: { arguments: message.arguments } }
              : {
                  index: message.index,
                  id: message.id,
                  type: 'function',
                  function: { name: message.name ?? '', arguments: message.arguments },
                };
          if (!open(index, events, call)) events.push(delta(index, { tool_calls: [call] }));
          break;
        }
        case 'prompt_logprobs':
          break;
        case 'done':
          for (const end of endsOf(message)) {
            open(end.index, events);
            events.push(chunk([{ index: end.index, delta: {}, finish_reason: end.finish_reason }]));
          }
          if (includeUsage) events.push(chunk([], message.usage));
          break;
      }
      return events;
    },
    end: ['[DONE]'],
  };
}

export interface CompletionStreamOptions {
  /** With `echo`: the prompt, sent as each choice's first text. */
  echo?: string;
  /** With `logprobs`: log probabilities in the completions shape on every text chunk. */
  logprobs: boolean;
  /** Choices the request asked for (`n`). */
  n: number;
}

/**
 * The text_completion stream: (with echo) the prompt first, then text deltas, each with its
 * tokens' log probabilities when asked for, then each choice's finish reason, then (when asked)
 * the usage. The prompt's own log probabilities come before any text, so the echo waits for them.
 */
export function completionChunkFormat(
  identity: OpenAiIdentity,
  includeUsage: boolean,
  options: CompletionStreamOptions = { logprobs: false, n: 1 },
): SseFormat<GenerationChunk> {
  const chunk = (choices: unknown[], usage?: TokenUsage) => ({
    ...identity,
    object: 'text_completion',
    choices,
    ...(includeUsage ? { usage: usage ?? null } : {}),
  });
  const promptLogprobs: TokenLogprob[] = [];
  // Where each choice's next token starts in its text (which, with echo, begins with the prompt).
  const offsets = new Map<number, number>();
  let echoed = options.echo === undefined;
  const text = (index: number, value: string, logprobs: TokenLogprob[] | undefined) => {
    const offset = offsets.get(index) ?? 0;
    offsets.set(index, offset + value.length);
    return chunk([
      {
        index,
        text: value,
        logprobs: options.logprobs ? completionLogprobs(logprobs ?? [], offset) : null,
        finish_reason: null,
      },
    ]);
  };
  const echo = (events: unknown[]) => {
    if (echoed) return;
    echoed = true;
    for (let index = 0; index < options.n; index++) {
      events.push(text(index, options.echo ?? '', promptLogprobs));
    }
  };
  return {
    events: (message) => {
      const events: unknown[] = [];
      switch (message.type) {
        case 'prompt_logprobs':
          promptLogprobs.push(...message.logprobs);
          break;
        case 'text':
          echo(events);
          events.push(text(message.choice ?? 0, message.text, message.logprobs));
          break;
        case 'tool_call':
          break;
        case 'done':
          echo(events);
          for (const end of endsOf(message)) {
            events.push(
              chunk([
                { index: end.index, text: '', logprobs: null, finish_reason: end.finish_reason },
              ]),
            );
          }
          if (includeUsage) events.push(chunk([], message.usage));
          break;
      }
      return events;
    },
    end: ['[DONE]'],
  };
}
