import { MAX_TEXT_CHARS } from '@aip/contracts';

/** Most inputs one `/v1/embeddings` request may carry: OpenAI's own limit. */
export const OPENAI_MAX_EMBEDDING_INPUTS = 2048;
/** Most token ids one input may hold: OpenAI's limit for its embedding models. */
export const OPENAI_MAX_INPUT_TOKENS = 8192;

/** `input` as OpenAI takes it: a string, strings, a list of token ids, or lists of them. */
export type OpenAiEmbeddingInput = string | string[] | number[] | number[][];

/** What an input is, once told apart: texts, or lists of token ids (one list for a single input). */
export type EmbeddingInputKind =
  { kind: 'texts'; texts: string[] } | { kind: 'tokens'; lists: number[][]; single: boolean };

function isTokenList(value: unknown): value is number[] {
  return (
    Array.isArray(value) &&
    value.length >= 1 &&
    value.length <= OPENAI_MAX_INPUT_TOKENS &&
    value.every((id) => Number.isInteger(id) && (id as number) >= 0)
  );
}

/** Whether `input` is one of OpenAI's four forms, within the limits above and the platform's. */
export function isEmbeddingInput(value: unknown): value is OpenAiEmbeddingInput {
  if (typeof value === 'string') return value.length <= MAX_TEXT_CHARS;
  if (!Array.isArray(value) || value.length < 1) return false;
  if (value.every((item) => typeof item === 'string'))
    return (
      value.length <= OPENAI_MAX_EMBEDDING_INPUTS &&
      value.every((text: string) => text.length <= MAX_TEXT_CHARS)
    );
  if (value.every((item) => typeof item === 'number')) return isTokenList(value);
  return value.length <= OPENAI_MAX_EMBEDDING_INPUTS && value.every(isTokenList);
}

export const EMBEDDING_INPUT_RULE =
  `input must be a string, a list of 1 to ${OPENAI_MAX_EMBEDDING_INPUTS} strings of at most ` +
  `${MAX_TEXT_CHARS} characters, a list of token ids, or a list of such lists`;

export function kindOfInput(input: OpenAiEmbeddingInput): EmbeddingInputKind {
  if (typeof input === 'string') return { kind: 'texts', texts: [input] };
  if (typeof input[0] === 'string') return { kind: 'texts', texts: input as string[] };
  return typeof input[0] === 'number'
    ? { kind: 'tokens', lists: [input as number[]], single: true }
    : { kind: 'tokens', lists: input as number[][], single: false };
}

/** `items` in consecutive runs of at most `size`, in order. */
export function batchesOf<T>(items: readonly T[], size: number): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; start += size)
    batches.push(items.slice(start, start + size));
  return batches;
}
