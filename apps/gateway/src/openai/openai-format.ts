import { randomUUID } from 'node:crypto';
import type { FinishReason, GenerationChunk, TokenUsage } from '@aip/contracts';
import type { SseFormat } from '../generation/sse-stream';

/** One OpenAI response's identity, shared by all the chunks of a stream. */
export interface OpenAiIdentity {
  id: string;
  created: number;
  model: string;
  /** What served the model (see systemFingerprintOf); null when it could not be told. */
  system_fingerprint?: string | null;
}

export function openAiIdentity(
  prefix: 'chatcmpl' | 'cmpl',
  model: string,
  systemFingerprint: string | null = null,
): OpenAiIdentity {
  return {
    id: `${prefix}-${randomUUID().replace(/-/g, '')}`,
    created: Math.floor(Date.now() / 1000),
    model,
    system_fingerprint: systemFingerprint,
  };
}

export function chatCompletion(
  identity: OpenAiIdentity,
  text: string,
  finishReason: FinishReason,
  usage: TokenUsage,
): Record<string, unknown> {
  return {
    ...identity,
    object: 'chat.completion',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: text, refusal: null },
        logprobs: null,
        finish_reason: finishReason,
      },
    ],
    usage,
  };
}

export function textCompletion(
  identity: OpenAiIdentity,
  choices: { text: string; finishReason: FinishReason }[],
  usage: TokenUsage,
): Record<string, unknown> {
  return {
    ...identity,
    object: 'text_completion',
    choices: choices.map((choice, index) => ({
      index,
      text: choice.text,
      logprobs: null,
      finish_reason: choice.finishReason,
    })),
    usage,
  };
}

/**
 * The chat.completion.chunk stream: the assistant role first, then content deltas, then an
 * empty delta with the finish reason, then (when asked) a chunk with no choices and the usage.
 */
export function chatChunkFormat(
  identity: OpenAiIdentity,
  includeUsage: boolean,
): SseFormat<GenerationChunk> {
  let first = true;
  const chunk = (choices: unknown[], usage?: TokenUsage) => ({
    ...identity,
    object: 'chat.completion.chunk',
    choices,
    ...(includeUsage ? { usage: usage ?? null } : {}),
  });
  return {
    events: (message) => {
      const events: unknown[] = [];
      if (first) {
        first = false;
        events.push(
          chunk([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }]),
        );
      }
      if (message.type === 'text') {
        events.push(chunk([{ index: 0, delta: { content: message.text }, finish_reason: null }]));
      } else {
        events.push(chunk([{ index: 0, delta: {}, finish_reason: message.finish_reason }]));
        if (includeUsage) events.push(chunk([], message.usage));
      }
      return events;
    },
    end: ['[DONE]'],
  };
}

/** The text_completion stream: text deltas, the finish reason, then (when asked) the usage. */
export function completionChunkFormat(
  identity: OpenAiIdentity,
  includeUsage: boolean,
): SseFormat<GenerationChunk> {
  const chunk = (choices: unknown[], usage?: TokenUsage) => ({
    ...identity,
    object: 'text_completion',
    choices,
    ...(includeUsage ? { usage: usage ?? null } : {}),
  });
  return {
    events: (message) =>
      message.type === 'text'
        ? [chunk([{ index: 0, text: message.text, logprobs: null, finish_reason: null }])]
        : [
            chunk([{ index: 0, text: '', logprobs: null, finish_reason: message.finish_reason }]),
            ...(includeUsage ? [chunk([], message.usage)] : []),
          ],
    end: ['[DONE]'],
  };
}
