import type { SparseVector } from '@aip/contracts';
import { keywordTerms } from './keyword-tokenizer';

/** BM25 term-frequency saturation: a term's weight grows ever slower with its count. */
export const BM25_K1 = 1.2;
/** BM25 length normalisation: 0 ignores document length, 1 divides by it fully. */
export const BM25_B = 0.75;
/**
 * The average document length (in terms, after stopwords) BM25 normalises against. A corpus
 * average would change with every write and make stored vectors stale, and the vector store
 * applies only the IDF; a fixed value keeps a text's vector a function of the text alone, the
 * same in every service instance and forever. 64 terms is a paragraph of about 110 words, the
 * size of a typical stored text or ingest chunk; shorter texts are favoured a little, longer
 * ones damped, as BM25 intends.
 */
export const BM25_AVG_DOC_TERMS = 64;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * The id of a term: 32-bit FNV-1a over its UTF-8 bytes, unsigned. Stored vectors hold these
 * ids, so this function must never change (a change means re-indexing every collection). Two
 * terms share an id with odds of about 1 in 4 billion per pair: harmless for ranking.
 */
export function termId(term: string): number {
  let hash = FNV_OFFSET;
  for (const byte of Buffer.from(term, 'utf8')) {
    hash = Math.imul(hash ^ byte, FNV_PRIME);
  }
  return hash >>> 0;
}

/**
 * A document's keyword vector: each distinct term weighted by BM25's saturated term frequency
 * tf*(k1+1) / (tf + k1*(1-b+b*len/avgLen)). The store multiplies in the IDF (`modifier: idf`).
 */
export function encodeDocument(text: string): SparseVector {
  const terms = keywordTerms(text);
  const counts = countIds(terms);
  const norm = BM25_K1 * (1 - BM25_B + (BM25_B * terms.length) / BM25_AVG_DOC_TERMS);
  return toSparse(counts, (tf) => (tf * (BM25_K1 + 1)) / (tf + norm));
}

/** A query's keyword vector: weight 1 per distinct term, so the score is the sum of BM25 terms. */
export function encodeQuery(text: string): SparseVector {
  return toSparse(countIds(keywordTerms(text)), () => 1);
}

function countIds(terms: string[]): Map<number, number> {
  const counts = new Map<number, number>();
  for (const term of terms) {
    const id = termId(term);
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

function toSparse(counts: Map<number, number>, weight: (tf: number) => number): SparseVector {
  const indices = [...counts.keys()].sort((a, b) => a - b);
  return { indices, values: indices.map((id) => weight(counts.get(id) as number)) };
}
