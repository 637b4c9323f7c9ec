import { Injectable } from '@nestjs/common';
import {
  ErrorCode,
  PlatformError,
  Subject,
  type CollectionInfo,
  type PayloadFieldType,
} from '@aip/contracts';
import { VectorClient } from '../clients/vector.client';
import { EmbeddingClient } from '../clients/embedding.client';

/**
 * The collections the inference service keeps its memory in (`conversations`,
 * `learning_data`): each is created on first use from the embedding service's default model,
 * so its texts are embedded and searched like any collection of texts.
 */
@Injectable()
export class MemoryCollections {
  private readonly ready = new Map<string, Promise<CollectionInfo>>();

  constructor(
    private readonly vector: VectorClient,
    private readonly embedding: EmbeddingClient,
  ) {}

  /** The collection, created now when it does not exist; checked once per process. */
  ensure(name: string, payloadSchema: Record<string, PayloadFieldType>): Promise<CollectionInfo> {
    let pending = this.ready.get(name);
    if (!pending) {
      pending = this.getOrCreate(name, payloadSchema);
      this.ready.set(name, pending);
      pending.catch(() => this.ready.delete(name));
    }
    return pending;
  }

  /**
   * Runs a write into the collection, creating it first when needed. A write that finds the
   * collection gone (dropped since this process last saw it) makes it again and retries once.
   */
  async write<T>(
    name: string,
    payloadSchema: Record<string, PayloadFieldType>,
    run: () => Promise<T>,
  ): Promise<T> {
    await this.ensure(name, payloadSchema);
    try {
      return await run();
    } catch (error) {
      if (!(error instanceof PlatformError && error.code === ErrorCode.NotFound)) throw error;
      this.ready.delete(name);
      await this.ensure(name, payloadSchema);
      return run();
    }
  }

  private async getOrCreate(
    name: string,
    payloadSchema: Record<string, PayloadFieldType>,
  ): Promise<CollectionInfo> {
    const existing = await this.find(name);
    if (existing) return existing;
    const models = await this.embedding.request(Subject.EmbeddingModels, {});
    const model = models.find((m) => m.default) ?? models[0];
    if (!model)
      throw new PlatformError(
        ErrorCode.ServiceUnavailable,
        `Cannot create collection ${name}: the embedding service has no model`,
      );
    try {
      return await this.vector.request(Subject.VectorCollectionCreate, {
        name,
        model: model.name,
        payload_schema: payloadSchema,
      });
    } catch (error) {
      // Another replica created it first.
      if (error instanceof PlatformError && error.code === ErrorCode.Conflict) {
        const created = await this.find(name);
        if (created) return created;
      }
      throw error;
    }
  }

  private async find(name: string): Promise<CollectionInfo | undefined> {
    try {
      return await this.vector.request(Subject.VectorCollectionGet, { name });
    } catch (error) {
      if (error instanceof PlatformError && error.code === ErrorCode.NotFound) return undefined;
      throw error;
    }
  }
}
