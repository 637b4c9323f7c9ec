import type { RagStreamEvent } from '@aip/contracts';
import { ragEvents } from './rag.controller';

describe('streamed RAG events', () => {
  it('passes text on as it comes', () => {
    expect(ragEvents({ type: 'text', text: 'The oak' })).toEqual([
      { type: 'text', text: 'The oak' },
    ]);
  });

  it('ends with one citations event carrying everything but the already streamed text', () => {
    const done: RagStreamEvent = {
      type: 'done',
      answer: 'The oak table [1].',
      model: 'tiny',
      citations: [{ index: 1, id: 7, score: 0.8, source: 'a.md', snippet: 'oak table' }],
      citations_from: 'answer',
      confidence: 0.8,
      timings: { embed_ms: 1, search_ms: 2, generate_ms: 3 },
      usage: { prompt_tokens: 20, completion_tokens: 5 },
      finish_reason: 'stop',
      interaction_id: '00000000-0000-4000-8000-000000000001',
      examples: [],
    };
    const [event] = ragEvents(done) as Record<string, unknown>[];
    expect(event['type']).toBe('citations');
    expect(event).not.toHaveProperty('answer');
    expect(event).toMatchObject({
      citations: done.citations,
      confidence: 0.8,
      timings: done.timings,
      interaction_id: done.interaction_id,
    });
  });
});
