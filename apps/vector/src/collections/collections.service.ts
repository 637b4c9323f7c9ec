import { Injectable } from '@nestjs/common';
import { QdrantClient } from '@qdrant/js-client-rest';
import {
  ErrorCode,
  PlatformError,
  Subject,
  type CollectionInfo,
  type CreateCollectionRequest,
  type PayloadFieldType,
  type UpdateCollectionRequest,
  type VectorDistance,
  KEYWORD_VECTOR,
} from '@aip/contracts';
import { TENANT_FIELD, tenantFilter } from '@aip/rbac';
import { qdrantCall } from '../qdrant/qdrant-errors';
import { checkIndexChanges, configDiff, settingsOf } from './collection-settings';
import { EmbeddingClient } from '../clients/embedding.client';

/** What the platform keeps about a collection, in its Qdrant metadata. */
export interface CollectionMeta {
  size: number;
  distance: VectorDistance;
  model?: string;
  /** Whether points carry the sparse keyword vector (KEYWORD_VECTOR) for hybrid search. */
  keyword?: boolean;
}

/** Collections on Qdrant: each records its embedding model and dimension. */
@Injectable()
export class CollectionsService {
  private readonly metaCache = new Map<string, CollectionMeta>();

  constructor(
    private readonly qdrant: QdrantClient,
    private readonly embedding: EmbeddingClient,
  ) {}

  async create(request: CreateCollectionRequest): Promise<CollectionInfo> {
    let meta: CollectionMeta;
    if (request.model) {
      const models = await this.embedding.request(Subject.EmbeddingModels, {});
      const model = models.find((m) => m.name === request.model);
      if (!model)
        throw new PlatformError(
          ErrorCode.ValidationFailed,
          `Unknown embedding model ${request.model}; configured: ${models.map((m) => m.name).join(', ')}`,
        );
      if (!model.ready)
        throw new PlatformError(
          ErrorCode.ServiceUnavailable,
          `Embedding model ${request.model} is not loaded yet`,
          { retryAfterSeconds: 5 },
        );
      if (request.size !== undefined && request.size !== model.dimension) {
        throw new PlatformError(
          ErrorCode.ValidationFailed,
          `size ${request.size} does not match model ${model.name}, which makes ${model.dimension}-dimensional vectors`,
        );
      }
      meta = {
        size: model.dimension,
        distance: request.distance ?? 'Cosine',
        model: model.name,
        keyword: true,
      };
    } else {
      if (request.size === undefined)
        throw new PlatformError(
          ErrorCode.ValidationFailed,
          'Give either model (an embedding model) or size (the vector dimension)',
        );
      meta = { size: request.size, distance: request.distance ?? 'Cosine' };
    }
    if (
      (
        await qdrantCall('collection exists', () => this.qdrant.collectionExists(request.name), {
          idempotent: true,
        })
      ).exists
    ) {
      throw new PlatformError(ErrorCode.Conflict, `Collection ${request.name} already exists`);
    }
    // The typed createCollection drops `metadata`; the generated API client sends the whole body.
    await qdrantCall(`create collection ${request.name}`, () =>
      this.qdrant.api().createCollection({
        collection_name: request.name,
        vectors: { size: meta.size, distance: meta.distance },
        // Collections of texts also keep BM25-style term weights for the keyword leg of hybrid
        // search; the store applies the inverse document frequency.
        ...(meta.keyword ? { sparse_vectors: { [KEYWORD_VECTOR]: { modifier: 'idf' } } } : {}),
        metadata: { platform: { ...meta } },
      } as Parameters<ReturnType<QdrantClient['api']>['createCollection']>[0]),
    );
    const schema: Record<string, string> = {
      [TENANT_FIELD]: 'keyword',
      ...(request.payload_schema ?? {}),
    };
    for (const [field, type] of Object.entries(schema)) {
      await qdrantCall(`index ${field}`, () =>
        this.qdrant.createPayloadIndex(request.name, {
          field_name: field,
          field_schema: type as 'keyword',
          wait: true,
        }),
      );
    }
    this.metaCache.set(request.name, meta);
    return this.get(request.name);
  }

  async list(): Promise<string[]> {
    const { collections } = await qdrantCall(
      'list collections',
      () => this.qdrant.getCollections(),
      { idempotent: true },
    );
    return collections.map((c) => c.name).sort();
  }

  /**
   * A collection's details. For a tenant-scoped caller the count is its own points' (an exact
   * count under its tenant filter) and the indexed-vector count is left out: the collection's
   * totals would tell how many points the other tenants hold.
   */
  async get(name: string, tenant?: string): Promise<CollectionInfo> {
    const info = await qdrantCall(`collection ${name}`, () => this.qdrant.getCollection(name), {
      idempotent: true,
    });
    const meta = this.metaOf(name, info.config as unknown as Record<string, unknown>);
    const counts =
      tenant === undefined
        ? {
            points_count: info.points_count ?? 0,
            indexed_vectors_count: info.indexed_vectors_count ?? 0,
          }
        : { points_count: await this.tenantCount(name, tenant) };
    return {
      name,
      size: meta.size,
      distance: meta.distance,
      ...(meta.model ? { model: meta.model } : {}),
      ...counts,
      status: info.status,
      payload_schema: Object.fromEntries(
        Object.entries(info.payload_schema).map(([field, schema]) => [
          field,
          String(schema?.data_type) as PayloadFieldType,
        ]),
      ),
      config: settingsOf(info.config as unknown as Record<string, unknown>),
    };
  }

  /** The tenant's own points in the collection, counted exactly. */
  async tenantCount(name: string, tenant: string): Promise<number> {
    const { count } = await qdrantCall(
      `count ${name}`,
      () => this.qdrant.count(name, { filter: tenantFilter(tenant), exact: true }),
      { idempotent: true },
    );
    return count;
  }

  /** Changes the settings Qdrant allows on a live collection, and its payload indexes. */
  async update(request: UpdateCollectionRequest): Promise<CollectionInfo> {
    const current = await this.get(request.name);
    checkIndexChanges(request, Object.keys(current.payload_schema));
    const diff = configDiff(request);
    if (Object.keys(diff).length > 0) {
      await qdrantCall(`update collection ${request.name}`, () =>
        this.qdrant.updateCollection(
          request.name,
          diff as Parameters<QdrantClient['updateCollection']>[1],
        ),
      );
    }
    for (const [field, type] of Object.entries(request.add_payload_indexes ?? {})) {
      await qdrantCall(`index ${field}`, () =>
        this.qdrant.createPayloadIndex(request.name, {
          field_name: field,
          field_schema: type,
          wait: true,
        }),
      );
    }
    for (const field of request.remove_payload_indexes ?? []) {
      await qdrantCall(`drop index ${field}`, () =>
        this.qdrant.deletePayloadIndex(request.name, field, { wait: true }),
      );
    }
    return this.get(request.name);
  }

  /** The collection's model and dimension (cached: they never change). */
  async meta(name: string): Promise<CollectionMeta> {
    const cached = this.metaCache.get(name);
    if (cached) return cached;
    const info = await qdrantCall(`collection ${name}`, () => this.qdrant.getCollection(name), {
      idempotent: true,
    });
    return this.metaOf(name, info.config as unknown as Record<string, unknown>);
  }

  private metaOf(name: string, config: Record<string, unknown>): CollectionMeta {
    const platform = (config['metadata'] as { platform?: CollectionMeta } | undefined)?.platform;
    const vectors = (config['params'] as { vectors?: { size?: number; distance?: VectorDistance } })
      .vectors;
    const meta: CollectionMeta = platform ?? {
      size: vectors?.size ?? 0,
      distance: vectors?.distance ?? 'Cosine',
    };
    this.metaCache.set(name, meta);
    return meta;
  }

  /** Drops what is cached about a collection whose config was replaced (a restored snapshot). */
  forget(name: string): void {
    this.metaCache.delete(name);
  }

  async delete(name: string): Promise<void> {
    const deleted = await qdrantCall(`delete collection ${name}`, () =>
      this.qdrant.deleteCollection(name),
    );
    this.metaCache.delete(name);
    if (!deleted) throw new PlatformError(ErrorCode.NotFound, `Collection ${name} does not exist`);
  }
}
