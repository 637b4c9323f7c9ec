import { chunkId, contentSha256 } from './chunk-identity';

describe('chunk identity', () => {
  it('gives the same chunk of the same document the same UUIDv5 every time', () => {
    const id = chunkId('api', 'doc-1', 0);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(chunkId('api', 'doc-1', 0)).toBe(id);
    expect(
      new Set([
        id,
        chunkId('api', 'doc-1', 1),
        chunkId('api', 'doc-2', 0),
        chunkId('k8s', 'doc-1', 0),
      ]).size,
    ).toBe(4);
  });

  it('keeps tenants apart: the same document of two tenants lands on different points', () => {
    expect(chunkId('api', 'doc', 0, 't1')).not.toBe(chunkId('api', 'doc', 0, 't2'));
    expect(chunkId('api', 'doc', 0, 't1')).not.toBe(chunkId('api', 'doc', 0));
  });

  it('hashes text and metadata, whatever the order of the metadata keys', () => {
    const hash = contentSha256('text', { a: 1, b: [1, { c: 2, d: 3 }] });
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(contentSha256('text', { b: [1, { d: 3, c: 2 }], a: 1 })).toBe(hash);
    expect(contentSha256('text!', { a: 1, b: [1, { c: 2, d: 3 }] })).not.toBe(hash);
    expect(contentSha256('text', { a: 2, b: [1, { c: 2, d: 3 }] })).not.toBe(hash);
  });
});
