import type { RagCitation, RagOutcome } from '@aip/contracts';
import type { PromptPassage } from './rag-prompt';

/** `[1]`, `[2, 3]`, `[4][5]`: the markers the instructions ask the model to cite with. */
const MARKER = /\[(\d{1,3}(?:\s*,\s*\d{1,3})*)\]/g;

/** The passage numbers an answer cites, in the order first cited, ignoring numbers out of range. */
export function citedIndexes(answer: string, passageCount: number): number[] {
  const cited: number[] = [];
  for (const match of answer.matchAll(MARKER)) {
    for (const part of match[1].split(',')) {
      const index = Number(part.trim());
      if (index >= 1 && index <= passageCount && !cited.includes(index)) cited.push(index);
    }
  }
  return cited;
}

function toCitation(passage: PromptPassage): RagCitation {
  return {
    index: passage.index,
    id: passage.id,
    score: passage.score,
    source: passage.source,
    snippet: passage.snippet,
  };
}

/**
 * The citations of an answer: the passages it cites by marker, in citing order. An answer that
 * cites none (small models often do not follow the instruction) lists every passage it was
 * given, best first, so a reader can still check the answer against its context.
 */
export function citationsFor(
  answer: string,
  passages: PromptPassage[],
): { citations: RagCitation[]; from: RagOutcome['citations_from'] } {
  if (passages.length === 0) return { citations: [], from: 'none' };
  const cited = citedIndexes(answer, passages.length);
  if (cited.length === 0) return { citations: passages.map(toCitation), from: 'retrieval' };
  return { citations: cited.map((index) => toCitation(passages[index - 1])), from: 'answer' };
}
