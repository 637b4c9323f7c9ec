import { citationsFor, citedIndexes } from './rag-citations';
import type { PromptPassage } from './rag-prompt';

const passages: PromptPassage[] = [1, 2, 3].map((index) => ({
  index,
  id: `00000000-0000-0000-0000-00000000000${index}`,
  score: 1 - index / 10,
  similarity: 1 - index / 10,
  text: `full text ${index}`,
  snippet: `text ${index}`,
  source: index === 1 ? 'a.md' : null,
}));

describe('RAG citations', () => {
  it('reads [n], [n, m] and [n][m] markers in citing order, once each', () => {
    expect(citedIndexes('Oak [2]. Kitchen [1, 3]. Again [2][1].', 3)).toEqual([2, 1, 3]);
  });

  it('ignores numbers that name no passage and brackets that are not markers', () => {
    expect(citedIndexes('See [0], [4], [12] and [a] or [1 2].', 3)).toEqual([]);
  });

  it('cites what the answer cites, with the snippet the model saw', () => {
    const { citations, from } = citationsFor('The table is oak [3].', passages);
    expect(from).toBe('answer');
    expect(citations).toEqual([
      { index: 3, id: passages[2].id, score: passages[2].score, source: null, snippet: 'text 3' },
    ]);
  });

  it('lists every given passage, best first, when the answer cites none', () => {
    const { citations, from } = citationsFor('An answer without markers.', passages);
    expect(from).toBe('retrieval');
    expect(citations.map((c) => c.index)).toEqual([1, 2, 3]);
    expect(citations[0].source).toBe('a.md');
  });

  it('cites nothing when there was no passage', () => {
    expect(citationsFor('I do not know [1].', [])).toEqual({ citations: [], from: 'none' });
  });
});
