import type { BodyRoute } from './openapi-routes';

/** What the examples refer to: things the test created before fuzzing. */
export interface FuzzFixtures {
  /** The collection the bodies name. */
  collection: string;
  /**
   * The collection the routes that name one in their path act on (update, snapshot, restore,
   * reindex): a reindex swaps in a new collection under an alias, which would otherwise leave
   * the other routes without theirs for a moment.
   */
  pathCollection: string;
  /** A snapshot of `pathCollection`. */
  snapshot: string;
  pointId: string;
  /** A RAG answer's, to rate. */
  interactionId: string;
  sourceId: string;
  /** A folder declared in the sync-worker's sources file, empty. */
  directory: string;
}

/**
 * A body each route accepts, so that a mutation of one field reaches past validation into the
 * services. Generation is held to one token, so the valid ones stay fast on the tiny model. A
 * route missing here is still fuzzed, from the sample its OpenAPI schema gives.
 */
export function routeExamples(f: FuzzFixtures): Record<string, unknown> {
  const chat = [{ role: 'user', content: 'hello' }];
  const filter = { must: [{ key: 'source', match: { value: 'fuzz.md' } }] };
  return {
    'POST /api/v1/admin/keys': {
      role: 'reader',
      // Runtime keys live in Redis beyond the run: the test revokes the ones of this name.
      name: f.collection,
      collections: [f.collection],
      rate_limit: { requests_per_minute: 10 },
      expires_at: '2999-01-01T00:00:00Z',
    },
    'POST /api/v1/embed': { texts: ['hello world'] },
    'POST /api/v1/collections': { name: `${f.collection}_new`, model: 'default' },
    'PUT /api/v1/collections/{name}': {
      hnsw_config: { m: 16, ef_construct: 100 },
      optimizers_config: { indexing_threshold: 1000 },
    },
    'POST /api/v1/vectors/insert': {
      collection: f.collection,
      text: 'the lighthouse keeper',
      payload: { source: 'fuzz.md', tags: ['a'] },
    },
    'POST /api/v1/vectors/batch': {
      collection: f.collection,
      points: [{ text: 'a garden tap', payload: { source: 'fuzz.md' } }],
    },
    'POST /api/v1/vectors/search': {
      collection: f.collection,
      text: 'garden',
      top_k: 3,
      filter,
    },
    'POST /api/v1/vectors/search/batch': {
      collection: f.collection,
      queries: [{ text: 'garden', top_k: 2 }],
    },
    'POST /api/v1/vectors/delete': { collection: f.collection, filter },
    'POST /api/v1/vectors/scroll': { collection: f.collection, limit: 5, filter },
    'PUT /api/v1/vectors/{id}': { collection: f.collection, payload: { source: 'kept.md' } },
    'POST /api/v1/vectors/recommend': { collection: f.collection, positive: [f.pointId], top_k: 3 },
    'POST /api/v1/vectors/cluster': { collection: f.collection, k: 2 },
    'POST /api/v1/collections/{name}/reindex': { model: 'default' },
    'POST /api/v1/similarity/find-similar': { query: 'garden', collection: f.collection, top_k: 2 },
    'POST /api/v1/similarity/batch-similar': { queries: ['garden'], collection: f.collection },
    'POST /api/v1/generate': { prompt: 'hello', max_tokens: 1 },
    'POST /api/v1/chat': { messages: chat, max_tokens: 1 },
    'POST /api/v1/generate/batch': { prompts: ['hello'], max_tokens: 1 },
    'POST /v1/chat/completions': { model: 'default', messages: chat, max_tokens: 1 },
    'POST /v1/completions': { model: 'default', prompt: 'hello', max_tokens: 1 },
    'POST /v1/embeddings': { model: 'default', input: 'hello' },
    'POST /api/chat': {
      model: 'default',
      messages: chat,
      stream: false,
      options: { num_predict: 1 },
    },
    'POST /api/generate': {
      model: 'default',
      prompt: 'hello',
      stream: false,
      options: { num_predict: 1 },
    },
    'POST /api/embed': { model: 'default', input: 'hello' },
    'POST /api/embeddings': { model: 'default', prompt: 'hello' },
    'POST /api/show': { model: 'default' },
    'POST /api/v1/ingest': {
      collection: f.collection,
      documents: [{ source_uid: 'fuzz-doc', text: 'The keeper polished the lamp.' }],
      chunking: { max_tokens: 64 },
    },
    'POST /api/v1/rag/query': {
      question: 'What is in the garden?',
      collection: f.collection,
      top_k: 2,
      max_tokens: 1,
    },
    'POST /api/v1/feedback': { interaction_id: f.interactionId, score: 1 },
    'POST /api/v1/sources': {
      id: `${f.sourceId}-new`,
      kind: 'directory',
      collection: f.collection,
      settings: { directory: f.directory },
    },
  };
}

/** The route's path with each `{param}` filled with a fixture that exists. */
export function concretePath(route: BodyRoute, f: FuzzFixtures): string {
  return route.path.replace(/\{(\w+)\}/g, (_whole, param: string) => {
    if (param === 'name') return f.pathCollection;
    if (param === 'snapshot') return f.snapshot;
    if (param === 'id') return route.path.startsWith('/api/v1/sources') ? f.sourceId : f.pointId;
    return 'fuzz';
  });
}

export const routeKey = (route: BodyRoute): string => `${route.method} ${route.path}`;
