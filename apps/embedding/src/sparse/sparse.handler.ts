import { setImmediate as nextTurn } from 'node:timers/promises';
import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { from, type Observable } from 'rxjs';
import {
  SparseEmbedRequest,
  Subject,
  type SparseEmbedChunk,
  type SparseVector,
} from '@aip/contracts';
import { encodeDocument, encodeQuery } from './bm25-encoder';
import { Handles } from '@aip/platform';

/** Keeps each reply message well under NATS's 1 MB limit. */
const CHUNK_BYTES = 512 * 1024;
/**
 * JSON bytes one term may take at most: an id of up to 10 digits and a float of up to 24
 * characters, with their commas. Sizing by this bound needs no serialising to measure.
 */
const BYTES_PER_TERM = 36;
const BYTES_PER_VECTOR = 32;
/** Characters encoded between two yields to the event loop (a few ms of work). */
const CHARS_PER_SLICE = 100_000;

/**
 * `embedding.sparse.v1`: BM25 keyword vectors for hybrid search. They depend on the text alone
 * (no model, no corpus statistics), so `model` in the request does not change them.
 */
@Controller()
export class SparseHandler {
  @Handles(Subject.EmbeddingSparse)
  async sparse(@Payload() request: SparseEmbedRequest): Promise<Observable<SparseEmbedChunk>> {
    const encode = request.kind === 'query' ? encodeQuery : encodeDocument;
    const vectors: SparseVector[] = [];
    let chars = 0;
    for (const text of request.texts) {
      vectors.push(encode(text));
      chars += text.length;
      // A request of long texts must not hold up other requests (and health checks) for long.
      if (chars >= CHARS_PER_SLICE) {
        chars = 0;
        await nextTurn();
      }
    }
    return from(chunkVectors(vectors));
  }
}

/** Splits the vectors into in-order messages of at most CHUNK_BYTES each (one vector at least). */
export function chunkVectors(vectors: SparseVector[]): SparseEmbedChunk[] {
  const chunks: SparseEmbedChunk[] = [];
  let current: SparseEmbedChunk = { offset: 0, vectors: [] };
  let bytes = 0;
  vectors.forEach((vector, i) => {
    const size = BYTES_PER_VECTOR + vector.indices.length * BYTES_PER_TERM;
    if (current.vectors.length > 0 && bytes + size > CHUNK_BYTES) {
      chunks.push(current);
      current = { offset: i, vectors: [] };
      bytes = 0;
    }
    current.vectors.push(vector);
    bytes += size;
  });
  chunks.push(current);
  return chunks;
}
