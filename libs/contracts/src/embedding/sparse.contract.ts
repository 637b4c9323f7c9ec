import { IsIn } from 'class-validator';
import { EmbedRequest } from './embedding.contract';

/**
 * Payload of `embedding.sparse.v1`: BM25-style sparse vectors for the keyword leg of hybrid
 * search. Documents get saturated term frequencies; queries get weight 1 per distinct term.
 * The inverse document frequency is applied by the vector store (`modifier: idf`).
 */
export class SparseEmbedRequest extends EmbedRequest {
  @IsIn(['document', 'query'])
  kind!: 'document' | 'query';
}

/** Token ids (hashed terms, unsigned 32-bit) and their weights, ids ascending and unique. */
export interface SparseVector {
  indices: number[];
  values: number[];
}

/** One message of the reply stream of `embedding.sparse.v1`, kept under NATS's 1 MB limit. */
export interface SparseEmbedChunk {
  /** Index of this chunk's first vector among the request's texts. */
  offset: number;
  vectors: SparseVector[];
}

/** Name of the sparse vector that holds the keyword leg in collections made from a model. */
export const KEYWORD_VECTOR = 'keyword';
