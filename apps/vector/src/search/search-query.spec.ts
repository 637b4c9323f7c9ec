import { ErrorCode, PlatformError, type SearchQuery } from '@aip/contracts';
import type { CollectionMeta } from '../collections/collections.service';
import { buildQuery, HYBRID_PREFETCH_MIN, hybridPrefetchLimit, planQuery } from './search-query';

const texts: CollectionMeta = { size: 3, distance: 'Cosine', model: 'default', keyword: true };
const olderTexts: CollectionMeta = { size: 3, distance: 'Cosine', model: 'default' };
const raw: CollectionMeta = { size: 3, distance: 'Cosine' };
const query = (fields: Partial<SearchQuery>): SearchQuery => ({ limit: 10, ...fields });

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(PlatformError);
    expect((error as PlatformError).code).toBe(ErrorCode.ValidationFailed);
    return (error as PlatformError).message;
  }
  throw new Error('expected a refusal');
}

describe('search planning', () => {
  it('searches texts in hybrid mode where the collection keeps keyword vectors, else dense', () => {
    expect(planQuery(texts, 'docs', query({ text: 'oak' }), '')).toEqual({
      mode: 'hybrid',
      denseText: 'oak',
      sparseText: 'oak',
    });
    expect(planQuery(olderTexts, 'docs', query({ text: 'oak' }), '').mode).toBe('dense');
    expect(planQuery(texts, 'docs', query({ text: 'oak', mode: 'keyword' }), '')).toEqual({
      mode: 'keyword',
      sparseText: 'oak',
    });
    expect(planQuery(texts, 'docs', query({ vector: [1, 0, 0] }), '')).toEqual({ mode: 'dense' });
  });

  it('refuses what the collection or the query cannot do, saying why', () => {
    expect(refusal(() => planQuery(raw, 'vecs', query({ text: 'oak', mode: 'hybrid' }), ''))).toBe(
      'mode hybrid: collection vecs has no keyword vectors (only collections created from an embedding model keep them); use mode dense',
    );
    expect(
      refusal(() => planQuery(texts, 'docs', query({ vector: [1, 0, 0], mode: 'keyword' }), '')),
    ).toBe('mode keyword needs a text query: a vector query searches the dense vectors only');
    expect(refusal(() => planQuery(raw, 'vecs', query({ text: 'oak' }), 'queries[2]: '))).toBe(
      'queries[2]: collection vecs has no embedding model; search with a vector',
    );
    expect(refusal(() => planQuery(texts, 'docs', query({}), ''))).toBe('give vector or text');
    expect(
      refusal(() => planQuery(texts, 'docs', query({ text: 'a', vector: [1, 0, 0] }), '')),
    ).toBe('give either vector or text, not both');
  });

  it('fuses a dense and a keyword prefetch by RRF, both within the filter', () => {
    const filter = { must: [{ key: 'tenant_id', match: { value: 'a' } }] };
    const sparse = { indices: [7], values: [1] };
    const built = buildQuery(
      query({ text: 'oak', limit: 5, with_payload: ['text'] }),
      'hybrid',
      { dense: [1, 0, 0], sparse },
      filter,
    );
    expect(built).toEqual({
      prefetch: [
        { query: [1, 0, 0], filter, limit: HYBRID_PREFETCH_MIN },
        { query: sparse, using: 'keyword', filter, limit: HYBRID_PREFETCH_MIN },
      ],
      query: { fusion: 'rrf' },
      limit: 5,
      score_threshold: undefined,
      with_payload: ['text'],
      with_vector: false,
    });
    expect(hybridPrefetchLimit(100)).toBe(400);
    expect(buildQuery(query({ text: 'oak' }), 'keyword', { sparse }, undefined)).toMatchObject({
      query: sparse,
      using: 'keyword',
      with_payload: true,
    });
    expect(
      buildQuery(
        query({ vector: [0, 1, 0], with_vectors: true }),
        'dense',
        { dense: [0, 1, 0] },
        filter,
      ),
    ).toMatchObject({ query: [0, 1, 0], filter, with_vector: true });
  });
});
