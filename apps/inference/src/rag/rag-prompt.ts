import type { PointId } from '@aip/contracts';
import type { PastExample } from '../feedback/interaction-log.service';
import type { ChatMessage } from '../generation/text-generator';

/** Most characters of one passage the model is given; longer passages are cut at a word. */
export const RAG_PASSAGE_MAX_CHARS = 2000;
/** Most characters of context (passages and examples together) one prompt carries. */
export const RAG_CONTEXT_MAX_CHARS = 12_000;
/** A passage cut shorter than this to fit the budget is left out instead. */
export const RAG_PASSAGE_MIN_CHARS = 200;
/** Most characters of one past question-and-answer given as an example. */
export const RAG_EXAMPLE_MAX_CHARS = 1000;
/**
 * Characters per token assumed when fitting context into a model's context size. English text
 * runs about 4 with BPE vocabularies; 3 leaves room for numbers, names and other languages.
 */
export const RAG_CHARS_PER_TOKEN = 3;
/** Tokens kept free for the chat template's own markup and the question's framing. */
export const RAG_RESERVED_TOKENS = 64;

export const RAG_INSTRUCTIONS =
  'Answer the question using only the numbered context passages below. After each statement, ' +
  'cite the passages it comes from by their numbers in square brackets, like [1] or [2][3]. ' +
  'If the passages do not contain the answer, say that you do not know.';

/** A search hit as the prompt uses it. */
export interface RetrievedPassage {
  id: PointId;
  /** The search score, in the collection's own scale. */
  score: number;
  /** The score as a similarity in [0, 1], for confidence. */
  similarity: number;
  text: string;
  source: string | null;
}

/** A passage as it went into the prompt: `[index]` and the (possibly cut) text the model saw. */
export interface PromptPassage extends RetrievedPassage {
  index: number;
  snippet: string;
}

export interface RagPrompt {
  messages: ChatMessage[];
  passages: PromptPassage[];
  examples: PastExample[];
}

/** Cuts a text to at most `max` characters, at the last word boundary when there is one. */
export function cutText(text: string, max: number): string {
  const trimmed = text.trim();
  if (trimmed.length <= max) return trimmed;
  const cut = trimmed.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

/**
 * Characters of context a prompt may carry on a model: what the context size leaves after the
 * answer's tokens, the reserve and the instructions and question, at RAG_CHARS_PER_TOKEN,
 * capped at RAG_CONTEXT_MAX_CHARS. Zero or less means the question alone fills the context.
 */
export function contextCharsFor(
  contextTokens: number,
  maxTokens: number,
  question: string,
): number {
  const freeTokens = contextTokens - maxTokens - RAG_RESERVED_TOKENS;
  const chars =
    Math.floor(freeTokens * RAG_CHARS_PER_TOKEN) - RAG_INSTRUCTIONS.length - question.length;
  return Math.min(chars, RAG_CONTEXT_MAX_CHARS);
}

function passageBlock(passage: PromptPassage): string {
  const source = passage.source ? ` (source: ${passage.source})` : '';
  return `[${passage.index}]${source} ${passage.snippet}`;
}

function exampleBlock(example: PastExample): string {
  return `Question: ${example.question}\nAnswer: ${example.answer}`;
}

/** Passages best first, each cut to its limit, while they fit `budget` characters. */
function fitPassages(passages: RetrievedPassage[], budget: number): PromptPassage[] {
  const fitted: PromptPassage[] = [];
  let left = budget;
  for (const passage of passages) {
    const index = fitted.length + 1;
    const overhead = passageBlock({ ...passage, index, snippet: '' }).length + 2;
    const room = Math.min(RAG_PASSAGE_MAX_CHARS, left - overhead);
    if (room < Math.min(RAG_PASSAGE_MIN_CHARS, passage.text.trim().length)) break;
    const snippet = cutText(passage.text, room);
    if (snippet.length === 0) continue;
    fitted.push({ ...passage, index, snippet });
    left -= overhead + snippet.length;
  }
  return fitted;
}

/** Examples, each cut to its limit, while they fit what the passages left. */
function fitExamples(examples: PastExample[], budget: number): PastExample[] {
  const fitted: PastExample[] = [];
  let left = budget;
  for (const example of examples) {
    const shown = {
      ...example,
      question: cutText(example.question, RAG_EXAMPLE_MAX_CHARS / 2),
      answer: cutText(example.answer, RAG_EXAMPLE_MAX_CHARS / 2),
    };
    const size = exampleBlock(shown).length + 2;
    if (size > left) break;
    fitted.push(shown);
    left -= size;
  }
  return fitted;
}

/**
 * The chat for a RAG answer: the instructions, the numbered passages (best first) and any past
 * examples in the system message, the question as the user's. Passages come first in the
 * budget: examples only use what they leave.
 */
export function buildRagPrompt(
  question: string,
  passages: RetrievedPassage[],
  examples: PastExample[],
  contextChars: number,
): RagPrompt {
  const fittedPassages = fitPassages(passages, contextChars);
  const used = fittedPassages.reduce((sum, p) => sum + passageBlock(p).length + 2, 0);
  const fittedExamples = fitExamples(examples, contextChars - used);
  const sections = [
    RAG_INSTRUCTIONS,
    `Context:\n\n${fittedPassages.map(passageBlock).join('\n\n')}`,
  ];
  if (fittedExamples.length > 0)
    sections.push(
      `Earlier answers that users rated helpful, as examples:\n\n${fittedExamples.map(exampleBlock).join('\n\n')}`,
    );
  return {
    messages: [
      { role: 'system', content: sections.join('\n\n') },
      { role: 'user', content: question },
    ],
    passages: fittedPassages,
    examples: fittedExamples,
  };
}
