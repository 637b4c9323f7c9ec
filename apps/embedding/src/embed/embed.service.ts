import { Injectable } from '@nestjs/common';
import { ErrorCode, PlatformError, type EmbedRequest } from '@aip/contracts';
import { MicroBatcher } from '../batching/micro-batcher';
import { EmbeddingCache } from '../cache/embedding-cache.service';
import { EmbeddingConfig } from '../config/embedding.config';
import { ModelRegistry, type LoadedModel } from '../models/model-registry.service';

export interface EmbedResult {
  model: string;
  dimension: number;
  vectors: Float32Array[];
  cached: number;
}

/** Cache first, then the model, through one micro-batcher per model. */
@Injectable()
export class EmbedService {
  private readonly batchers = new Map<string, MicroBatcher<string, Float32Array>>();

  constructor(
    private readonly registry: ModelRegistry,
    private readonly cache: EmbeddingCache,
    private readonly config: EmbeddingConfig,
  ) {}

  private batcher(model: LoadedModel): MicroBatcher<string, Float32Array> {
    let batcher = this.batchers.get(model.config.name);
    if (!batcher) {
      batcher = new MicroBatcher(
        (texts) => model.provider.embed(texts),
        this.config.EMBEDDING_BATCH_MAX,
        this.config.EMBEDDING_BATCH_WAIT_MS,
      );
      this.batchers.set(model.config.name, batcher);
    }
    return batcher;
  }

  async embed(request: EmbedRequest): Promise<EmbedResult> {
    const model = this.registry.get(request.model);
    if (model.state !== 'ready') {
      throw new PlatformError(
        ErrorCode.ServiceUnavailable,
        `Embedding model ${model.config.name} is ${model.state}${model.error ? `: ${model.error}` : ''}`,
        {
          model: model.config.name,
          retryAfterSeconds: 5,
        },
      );
    }
    const kind = model.config.provider;
    const name = model.config.name;
    const vectors = await this.cache.lookup(kind, name, request.texts);
    const missing = request.texts
      .map((text, i) => ({ text, i }))
      .filter(({ i }) => vectors[i] === undefined);
    const computed = await this.batcher(model).submitAll(missing.map((m) => m.text));
    missing.forEach(({ i }, j) => (vectors[i] = computed[j]));
    this.cache.store(
      kind,
      name,
      missing.map((m) => m.text),
      computed,
    );
    return {
      model: name,
      dimension: model.provider.dimension,
      vectors: vectors as Float32Array[],
      cached: request.texts.length - missing.length,
    };
  }
}
