import { storeNamespace } from '../store/store-namespace';
import { canonicalJson, collectionOf, operationOf } from './cache-key';

describe('search cache keys', () => {
  it('treats payloads that differ only in key order as the same query', () => {
    const a = {
      collection: 'docs',
      text: 'oak kitchen',
      filter: { must: [{ key: 'a', match: { value: 1 } }] },
      limit: 5,
    };
    const b = {
      limit: 5,
      filter: { must: [{ match: { value: 1 }, key: 'a' }] },
      text: 'oak kitchen',
      collection: 'docs',
    };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(canonicalJson({ ...a, tenant: 'acme' })).not.toBe(
      canonicalJson({ ...a, tenant: 'globex' }),
    );
    expect(canonicalJson({ ids: [2, 1] })).not.toBe(canonicalJson({ ids: [1, 2] }));
  });

  it('keeps platforms on different Qdrant URLs apart in one Redis', () => {
    expect(storeNamespace('http://127.0.0.1:6333')).not.toBe(
      storeNamespace('http://127.0.0.1:6334'),
    );
    expect(storeNamespace('http://qdrant:6333')).toBe(storeNamespace('http://qdrant:6333'));
  });

  it('finds the collection in `collection` or `name`, and the operation in the subject', () => {
    expect(collectionOf({ collection: 'docs' })).toBe('docs');
    expect(collectionOf({ name: 'docs' })).toBe('docs');
    expect(collectionOf({})).toBeUndefined();
    expect(operationOf('vector.points.search-batch.v1')).toBe('search-batch');
    expect(operationOf('vector.points.search.v1')).toBe('search');
  });
});
