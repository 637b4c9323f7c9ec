import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestStack, writeTinyLlama, type TestStack } from '@aip/testing';
import { httpJson, type ErrorBodyShape } from './http';

interface Citation {
  index: number;
  id: string;
  score: number;
  source: string | null;
  snippet: string;
}
interface RagReply {
  answer: string;
  model: string | null;
  citations: Citation[];
  citations_from: string;
  confidence: number;
  timings: { embed_ms: number; search_ms: number; generate_ms: number };
  usage: { prompt_tokens: number; completion_tokens: number };
  finish_reason: string;
  interaction_id: string | null;
  examples: string[];
}
interface Hit {
  id: string;
  score: number;
  payload: Record<string, unknown>;
}

/** Unique per run: Redis (embedding and result caches) outlives the run's vector store. */
const COLLECTION = `rag_${Date.now()}`;
const DOCUMENTS = {
  kitchen: 'The kitchen has a modern oak table and the garden has a water tap.',
  dog: 'The dog and the cat play in the park of the city every morning.',
  code: 'The model reads the data and the code writes a test for the answer.',
  house: 'The house is on the water and the garden has food for the cat.',
};
type Doc = keyof typeof DOCUMENTS;
const QUESTION = 'What is in the modern kitchen?';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** The tiny random model reaches its token limit every time: short answers keep the test fast. */
const MAX_TOKENS = 12;

/** `data:` payloads of a server-sent event stream, in order. */
function sseData(text: string): unknown[] {
  return text
    .split('\n\n')
    .filter((block) => block.startsWith('data: '))
    .map((block) => {
      const data = block.slice('data: '.length);
      return data === '[DONE]' ? data : JSON.parse(data);
    });
}

describe('RAG with citations, feedback and stored conversations through the gateway on a tiny GGUF (processes, real NATS and Redis)', () => {
  let platform: TestStack;
  const ids = {} as Record<Doc, string>;
  const docOf = (id: string) => (Object.keys(ids) as Doc[]).find((doc) => ids[doc] === id);
  const call = <T>(method: string, path: string, body?: unknown, key = platform.adminKey) =>
    httpJson<T>(`${platform.gatewayUrl}${path}`, {
      method,
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const rag = (body: Record<string, unknown>, key?: string) =>
    call<RagReply>(
      'POST',
      '/api/v1/rag/query',
      { collection: COLLECTION, top_k: 3, max_tokens: MAX_TOKENS, ...body },
      key,
    );

  beforeAll(async () => {
    const modelDir = mkdtempSync(join(tmpdir(), 'aip-rag-gguf-'));
    const modelFile = join(modelDir, 'tiny.gguf');
    // A context long enough for the instructions and three passages, which the tiny
    // vocabulary mostly spells character by character.
    writeTinyLlama(modelFile, { contextLength: 4096 });
    platform = await startTestStack({
      apps: ['vector-engine', 'embedding', 'vector', 'inference', 'gateway'],
      env: {
        INFERENCE_MODEL: modelFile,
        INFERENCE_THREADS: '1',
        GATEWAY_REQUIRED_SERVICES: 'inference,embedding,vector',
      },
    });
    const created = await call('POST', '/api/v1/collections', {
      name: COLLECTION,
      model: 'default',
    });
    expect(created.status).toBe(201);
    const docs = Object.keys(DOCUMENTS) as Doc[];
    const inserted = await call<{ ids: string[] }>('POST', '/api/v1/vectors/batch', {
      collection: COLLECTION,
      points: docs.map((doc) => ({ text: DOCUMENTS[doc], payload: { source: `${doc}.md` } })),
    });
    expect(inserted.status).toBe(201);
    docs.forEach((doc, i) => (ids[doc] = inserted.body.ids[i]));
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  });

  it('answers with citations of the searched passages it was given, their text as snippets, timings and a confidence in [0, 1]', async () => {
    const searched = await call<{ points: Hit[] }>('POST', '/api/v1/vectors/search', {
      collection: COLLECTION,
      text: QUESTION,
      mode: 'dense',
      top_k: 3,
    });
    expect(searched.status).toBe(200);
    const searchedIds = searched.body.points.map((p) => p.id);
    expect(docOf(searchedIds[0])).toBe('kitchen');

    const reply = await rag({ question: QUESTION });
    expect(reply.status).toBe(200);
    const body = reply.body;
    expect(typeof body.answer).toBe('string');
    expect(body.answer.length).toBeGreaterThan(0);
    expect(body.model).toBe('default');
    expect(body.usage.completion_tokens).toBe(MAX_TOKENS);
    expect(body.citations.length).toBeGreaterThan(0);
    for (const citation of body.citations) {
      expect(searchedIds).toContain(citation.id);
      const doc = docOf(citation.id)!;
      expect(citation.snippet).toBe(DOCUMENTS[doc]);
      expect(citation.source).toBe(`${doc}.md`);
      expect(citation.index).toBeGreaterThanOrEqual(1);
      expect(citation.index).toBeLessThanOrEqual(3);
    }
    expect(['answer', 'retrieval']).toContain(body.citations_from);
    if (body.citations_from === 'retrieval')
      expect(body.citations.map((c) => c.id)).toEqual(searchedIds);
    expect(body.confidence).toBeGreaterThan(0);
    expect(body.confidence).toBeLessThanOrEqual(1);
    expect(body.timings.embed_ms).toBeGreaterThan(0);
    expect(body.timings.search_ms).toBeGreaterThan(0);
    expect(body.timings.generate_ms).toBeGreaterThan(0);
    expect(body.interaction_id).toMatch(UUID);
  });

  it('says it has no relevant passage, without generating, when none clears score_threshold', async () => {
    const reply = await rag({ question: QUESTION, score_threshold: 0.9999 });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      citations: [],
      citations_from: 'none',
      confidence: 0,
      finish_reason: 'no_context',
      usage: { prompt_tokens: 0, completion_tokens: 0 },
    });
    expect(reply.body.answer).toContain(`No passage in collection ${COLLECTION}`);
    expect(reply.body.timings.generate_ms).toBe(0);
  });

  it('streams the text first, then one citations event, then [DONE]; the text joins to the unstreamed answer', async () => {
    const plain = await rag({ question: QUESTION });
    const response = await fetch(`${platform.gatewayUrl}/api/v1/rag/query`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${platform.adminKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        collection: COLLECTION,
        top_k: 3,
        max_tokens: MAX_TOKENS,
        question: QUESTION,
        stream: true,
      }),
      signal: AbortSignal.timeout(10_000),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const events = sseData(await response.text());
    expect(events.at(-1)).toBe('[DONE]');
    const final = events.at(-2) as RagReply & { type: string };
    expect(final.type).toBe('citations');
    const texts = events.slice(0, -2) as { type: string; text: string }[];
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.every((e) => e.type === 'text')).toBe(true);
    // Greedy decoding: the same prompt gives the same text, streamed or not.
    expect(texts.map((e) => e.text).join('')).toBe(plain.body.answer);
    expect(final.citations.map((c) => c.id)).toEqual(plain.body.citations.map((c) => c.id));
    expect(final.confidence).toBe(plain.body.confidence);
    expect(Object.keys(final.timings).sort()).toEqual(['embed_ms', 'generate_ms', 'search_ms']);
    expect(final.interaction_id).toMatch(UUID);
  });

  it('keeps rated answers in learning_data, and use_feedback gives them to similar questions as examples', async () => {
    const first = await rag({ question: QUESTION });
    const interaction = first.body.interaction_id!;
    const rated = await call('POST', '/api/v1/feedback', { interaction_id: interaction, score: 5 });
    expect(rated.status).toBe(200);
    expect(rated.body).toEqual({
      interaction_id: interaction,
      score: 5,
      collection: 'learning_data',
    });

    const kept = await call<{ points: Hit[] }>('POST', '/api/v1/vectors/search', {
      collection: 'learning_data',
      text: QUESTION,
      mode: 'dense',
      top_k: 10,
      filter: { must: [{ key: 'score', range: { gte: 4 } }] },
    });
    expect(kept.status).toBe(200);
    const point = kept.body.points.find((p) => p.id === interaction);
    expect(point?.payload).toMatchObject({
      question: QUESTION,
      answer: first.body.answer,
      score: 5,
      rated: true,
      model: 'default',
      collection: COLLECTION,
    });

    const informed = await rag({ question: QUESTION, use_feedback: true });
    expect(informed.status).toBe(200);
    expect(informed.body.examples).toContain(interaction);
    const uninformed = await rag({ question: QUESTION });
    expect(uninformed.body.examples).toEqual([]);
  });

  it('refuses feedback on an unknown interaction (404) and a score outside 1-5 (400 naming it)', async () => {
    const unknown = await call<ErrorBodyShape>('POST', '/api/v1/feedback', {
      interaction_id: '00000000-0000-4000-8000-000000000000',
      score: 4,
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain('No RAG interaction');
    const bad = await call<ErrorBodyShape>('POST', '/api/v1/feedback', {
      interaction_id: '00000000-0000-4000-8000-000000000000',
      score: 7,
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error)).toContain('score must be at most 5');
  });

  it('refuses a query without a question, with top_k over its limit, or on a collection outside the key scope', async () => {
    const missing = await call<ErrorBodyShape>('POST', '/api/v1/rag/query', {
      collection: COLLECTION,
    });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body.error)).toContain('question');
    const tooMany = await rag({ question: QUESTION, top_k: 51 });
    expect(tooMany.status).toBe(400);
    expect(JSON.stringify(tooMany.body)).toContain('top_k must be at most 50');

    const scoped = await call<{ key: string }>('POST', '/api/v1/admin/keys', {
      role: 'writer',
      collections: ['elsewhere'],
    });
    expect(scoped.status).toBe(201);
    const refused = await rag({ question: QUESTION }, scoped.body.key);
    expect(refused.status).toBe(403);
  });

  it("keeps a tenant's query, citations and feedback within its own points", async () => {
    const created = await call<{ key: string }>('POST', '/api/v1/admin/keys', {
      role: 'writer',
      tenant: 'acme',
    });
    expect(created.status).toBe(201);
    const key = created.body.key;
    const own = await call<{ ids: string[] }>(
      'POST',
      '/api/v1/vectors/insert',
      { collection: COLLECTION, text: 'The kitchen of acme has a modern oak table.' },
      key,
    );
    expect(own.status).toBe(201);
    const reply = await rag({ question: QUESTION }, key);
    expect(reply.status).toBe(200);
    expect(reply.body.citations.map((c) => c.id)).toEqual(own.body.ids);

    // Another tenant cannot rate it, nor learn from it.
    const other = await call<{ key: string }>('POST', '/api/v1/admin/keys', {
      role: 'writer',
      tenant: 'globex',
    });
    const foreign = await call(
      'POST',
      '/api/v1/feedback',
      {
        interaction_id: reply.body.interaction_id,
        score: 5,
      },
      other.body.key,
    );
    expect(foreign.status).toBe(404);
    const rated = await call(
      'POST',
      '/api/v1/feedback',
      { interaction_id: reply.body.interaction_id, score: 5 },
      key,
    );
    expect(rated.status).toBe(200);
    const otherReply = await rag({ question: QUESTION, use_feedback: true }, other.body.key);
    expect(otherReply.body.citations_from).toBe('none');
    expect(otherReply.body.examples).toEqual([]);
    const ownReply = await rag({ question: QUESTION, use_feedback: true }, key);
    expect(ownReply.body.examples).toContain(reply.body.interaction_id);
  });

  it("keeps a collection-scoped key's feedback, examples and stored generations within its collections", async () => {
    const other = `${COLLECTION}_other`;
    expect(
      (await call('POST', '/api/v1/collections', { name: other, model: 'default' })).status,
    ).toBe(201);
    const inserted = await call('POST', '/api/v1/vectors/insert', {
      collection: other,
      text: 'The modern kitchen of the other house has a marble counter.',
    });
    expect(inserted.status).toBe(201);
    // An interaction about the other collection, rated well: the best example there is for the
    // same question, which nobody else asked.
    const question = 'Which counter stands in the modern kitchen?';
    const foreign = await rag({ collection: other, question });
    expect(foreign.status).toBe(200);
    const foreignId = foreign.body.interaction_id!;
    expect(
      (await call('POST', '/api/v1/feedback', { interaction_id: foreignId, score: 5 })).status,
    ).toBe(200);

    const scoped = await call<{ key: string }>('POST', '/api/v1/admin/keys', {
      role: 'writer',
      collections: [COLLECTION],
    });
    expect(scoped.status).toBe(201);
    const key = scoped.body.key;
    const rating = await call<ErrorBodyShape>(
      'POST',
      '/api/v1/feedback',
      { interaction_id: foreignId, score: 1 },
      key,
    );
    expect(rating.status).toBe(404);
    expect(rating.body.error.message).toContain('No RAG interaction');

    const own = await rag({ question, use_feedback: true }, key);
    expect(own.status).toBe(200);
    expect(own.body.examples).not.toContain(foreignId);
    const ownId = own.body.interaction_id!;
    expect(
      (await call('POST', '/api/v1/feedback', { interaction_id: ownId, score: 4 }, key)).status,
    ).toBe(200);

    const stored = await call<ErrorBodyShape>(
      'POST',
      '/api/v1/generate',
      { prompt: 'the oak table', max_tokens: 4, store_embedding: true },
      key,
    );
    expect(stored.status).toBe(403);
    expect(stored.body.error.message).toContain('conversations');
  });

  it('stores a generation with store_embedding in conversations and answers its vector_id', async () => {
    const prompt = 'the oak table in the kitchen';
    const generated = await call<{ text: string; model: string; vector_id: string }>(
      'POST',
      '/api/v1/generate',
      { prompt, max_tokens: 8, store_embedding: true },
    );
    expect(generated.status).toBe(200);
    expect(generated.body.vector_id).toMatch(UUID);
    const stored = await call<Hit>(
      'GET',
      `/api/v1/vectors/${generated.body.vector_id}?collection=conversations`,
    );
    expect(stored.status).toBe(200);
    expect(stored.body.payload).toMatchObject({
      prompt,
      response: generated.body.text,
      model: 'default',
      completion_tokens: 8,
      text: `${prompt}\n\n${generated.body.text}`,
    });
    expect(typeof stored.body.payload['created_at']).toBe('string');
  });
});
