import type { CollectionMeta } from '../collections/collections.service';
import { pointVectors, toRecord } from './point-vectors';
import { assembleSparseChunks } from './text-embedder';

const sparse = { indices: [3, 9], values: [0.5, 1.2] };

describe('point vectors', () => {
  it('names the dense vector beside the keyword vector only in collections that keep both', () => {
    const texts: CollectionMeta = { size: 2, distance: 'Cosine', model: 'default', keyword: true };
    expect(pointVectors(texts, [1, 0], sparse)).toEqual({ '': [1, 0], keyword: sparse });
    expect(pointVectors(texts, undefined, sparse)).toEqual({ keyword: sparse });
    expect(pointVectors({ size: 2, distance: 'Dot' }, [1, 0], undefined)).toEqual([1, 0]);
  });

  it('reads the dense vector back, leaving the keyword vector out', () => {
    expect(toRecord({ id: 1, vector: { '': [1, 0], keyword: sparse } }, undefined).vector).toEqual([
      1, 0,
    ]);
    expect(toRecord({ id: 2, vector: [1, 1], score: 0.5, payload: null }, 'acme')).toEqual({
      id: 2,
      vector: [1, 1],
      score: 0.5,
      payload: {},
    });
  });

  it('puts streamed sparse chunks back in the order of the texts', () => {
    const other = { indices: [1], values: [1] };
    expect(
      assembleSparseChunks(
        [
          { offset: 1, vectors: [other] },
          { offset: 0, vectors: [sparse] },
        ],
        2,
      ),
    ).toEqual([sparse, other]);
  });
});
