import {
  BM25_AVG_DOC_TERMS,
  BM25_B,
  BM25_K1,
  encodeDocument,
  encodeQuery,
  termId,
} from './bm25-encoder';
import { keywordTerms } from './keyword-tokenizer';

describe('BM25 encoder', () => {
  it('hashes terms to fixed unsigned 32-bit ids (stored data depends on them)', () => {
    // FNV-1a reference values: these must never change.
    expect(termId('')).toBe(0x811c9dc5);
    expect(termId('a')).toBe(0xe40c292c);
    expect(termId('foobar')).toBe(0xbf9cf968);
    expect(termId('kitchen')).toBe(termId('kitchen'));
    expect(termId('café')).toBeGreaterThan(0);
    expect(termId('café')).toBeLessThanOrEqual(0xffffffff);
  });

  it('gives queries weight 1 per distinct term, ids ascending and unique', () => {
    const vector = encodeQuery('oak kitchen, oak finishes');
    expect(vector.values).toEqual([1, 1, 1]);
    expect(vector.indices).toEqual(['oak', 'kitchen', 'finish'].map(termId).sort((a, b) => a - b));
  });

  it('gives documents the BM25 saturated term frequency', () => {
    const text = 'oak oak oak kitchen';
    const vector = encodeDocument(text);
    const len = keywordTerms(text).length;
    const norm = BM25_K1 * (1 - BM25_B + (BM25_B * len) / BM25_AVG_DOC_TERMS);
    const weight = (tf: number) => (tf * (BM25_K1 + 1)) / (tf + norm);
    expect(vector.values[vector.indices.indexOf(termId('oak'))]).toBeCloseTo(weight(3), 12);
    expect(vector.values[vector.indices.indexOf(termId('kitchen'))]).toBeCloseTo(weight(1), 12);
    expect([...vector.indices].sort((a, b) => a - b)).toEqual(vector.indices);
  });

  it('saturates repetition and damps long documents', () => {
    const once = encodeDocument('kitchen').values[0];
    const many = encodeDocument('kitchen '.repeat(50)).values[0];
    expect(many).toBeGreaterThan(once);
    expect(many).toBeLessThan(BM25_K1 + 1);
    const filler = Array.from({ length: 200 }, (_, i) => `word${i}`).join(' ');
    const long = encodeDocument(`kitchen ${filler}`);
    expect(long.values[long.indices.indexOf(termId('kitchen'))]).toBeLessThan(once);
  });

  it('matches a query to documents by shared stems', () => {
    const query = encodeQuery('modern kitchen with oak finishes');
    const kitchen = encodeDocument(
      'We renovated the kitchen: oak cabinets, a modern island and a matte finish.',
    );
    const garden = encodeDocument('The garden needs watering twice a week in summer.');
    const shared = (doc: { indices: number[] }) =>
      query.indices.filter((id) => doc.indices.includes(id)).length;
    expect(shared(kitchen)).toBe(4);
    expect(shared(garden)).toBe(0);
  });

  it('encodes empty or stopword-only text as an empty vector', () => {
    expect(encodeDocument('the and of')).toEqual({ indices: [], values: [] });
    expect(encodeQuery('')).toEqual({ indices: [], values: [] });
  });
});
