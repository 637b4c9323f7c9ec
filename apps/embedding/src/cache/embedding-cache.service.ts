import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { Counter } from 'prom-client';
import { REDIS, registeredMetric } from '@aip/platform';
import { EmbeddingConfig } from '../config/embedding.config';

function counter(name: string, help: string): Counter<'model'> {
  return registeredMetric(name, () => new Counter({ name, help, labelNames: ['model'] }));
}

/**
 * Redis cache of embeddings keyed by provider, model and the SHA-256 of the text. The cache
 * is an optimisation: when Redis is unreachable every lookup is a miss, never an error.
 */
@Injectable()
export class EmbeddingCache {
  private readonly hits = counter(
    'aip_embedding_cache_hits_total',
    'Embeddings served from the cache, by model',
  );
  private readonly misses = counter(
    'aip_embedding_cache_misses_total',
    'Embeddings computed (cache misses), by model',
  );

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly config: EmbeddingConfig,
  ) {}

  private key(provider: string, model: string, text: string): string {
    return `aip:emb:v1:${provider}:${model}:${createHash('sha256').update(text).digest('hex')}`;
  }

  /** Cached vectors by position (undefined where missing). */
  async lookup(
    provider: string,
    model: string,
    texts: string[],
  ): Promise<(Float32Array | undefined)[]> {
    let found: (Buffer | null)[];
    try {
      found = await this.redis.mgetBuffer(...texts.map((text) => this.key(provider, model, text)));
    } catch {
      found = texts.map(() => null);
    }
    const vectors = found.map((bytes) => {
      if (!bytes) return undefined;
      const vector = new Float32Array(bytes.length / 4);
      Buffer.from(vector.buffer).set(bytes);
      return vector;
    });
    const hits = vectors.filter((v) => v !== undefined).length;
    this.hits.inc({ model }, hits);
    this.misses.inc({ model }, texts.length - hits);
    return vectors;
  }

  store(provider: string, model: string, texts: string[], vectors: Float32Array[]): void {
    const ttl = this.config.EMBEDDING_CACHE_TTL_SECONDS;
    if (ttl === 0 || texts.length === 0) return;
    const pipeline = this.redis.pipeline();
    texts.forEach((text, i) => {
      const vector = vectors[i];
      pipeline.set(
        this.key(provider, model, text),
        Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength),
        'EX',
        ttl,
      );
    });
    // Filling the cache must not hold up or fail the request.
    pipeline.exec().catch(() => undefined);
  }
}
