import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { from, type Observable } from 'rxjs';
import {
  encodeVector,
  EmbedRequest,
  Subject,
  type EmbedChunk,
  type EmbeddingModelInfo,
} from '@aip/contracts';
import { ModelRegistry } from '../models/model-registry.service';
import { EmbedService } from './embed.service';
import { Handles } from '@aip/platform';

/** Keeps each reply message well under NATS's 1 MB limit (base64 float32: 4/3 bytes per byte). */
const CHUNK_BYTES = 512 * 1024;

@Controller()
export class EmbedHandler {
  constructor(
    private readonly embeddings: EmbedService,
    private readonly registry: ModelRegistry,
  ) {}

  /** Streams the vectors in chunks, in order. */
  @Handles(Subject.EmbeddingEmbed)
  async embed(@Payload() request: EmbedRequest): Promise<Observable<EmbedChunk>> {
    const result = await this.embeddings.embed(request);
    const perChunk = Math.max(
      1,
      Math.floor(CHUNK_BYTES / (Math.max(1, result.dimension) * 4 * 1.34)),
    );
    const chunks: EmbedChunk[] = [];
    for (let offset = 0; offset < result.vectors.length; offset += perChunk) {
      chunks.push({
        model: result.model,
        dimension: result.dimension,
        offset,
        vectors: result.vectors.slice(offset, offset + perChunk).map(encodeVector),
        cached: offset === 0 ? result.cached : 0,
      });
    }
    return from(chunks);
  }

  @Handles(Subject.EmbeddingModels)
  models(): EmbeddingModelInfo[] {
    return this.registry.describe();
  }
}
