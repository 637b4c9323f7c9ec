import { randomUUID } from 'node:crypto';
import type { FinishReason, TokenUsage } from '@aip/contracts';
import type { GeneratedChoice } from '../clients/inference.client';
import { chatLogprobs, type CompletionLogprobs } from './openai-logprobs';

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

/** A chat choice as OpenAI answers it: `content` null when the model only called tools. */
export function chatChoice(choice: GeneratedChoice): Record<string, unknown> {
  const calls = choice.tool_calls;
  return {
    index: choice.index,
    message: {
      role: 'assistant',
      content: calls.length > 0 && choice.text === '' ? null : choice.text,
      refusal: null,
      ...(calls.length > 0 ? { tool_calls: calls } : {}),
    },
    logprobs: chatLogprobs(choice.logprobs),
    finish_reason: choice.finish_reason,
  };
}

export function chatCompletion(
  identity: OpenAiIdentity,
  choices: GeneratedChoice[],
  usage: TokenUsage,
): Record<string, unknown> {
  return { ...identity, object: 'chat.completion', choices: choices.map(chatChoice), usage };
}

/** One choice of a text completion, its index counting across the prompts of the request. */
export interface TextChoice {
  text: string;
  finishReason: FinishReason;
  logprobs?: CompletionLogprobs;
}

export function textCompletion(
  identity: OpenAiIdentity,
  choices: TextChoice[],
  usage: TokenUsage,
): Record<string, unknown> {
  return {
    ...identity,
    object: 'text_completion',
    choices: choices.map((choice, index) => ({
      index,
      text: choice.text,
      logprobs: choice.logprobs ?? null,
      finish_reason: choice.finishReason,
    })),
    usage,
  };
}
