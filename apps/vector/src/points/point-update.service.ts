import { Injectable } from '@nestjs/common';
import { QdrantClient } from '@qdrant/js-client-rest';
import {
  ErrorCode,
  PlatformError,
  type PointId,
  type PointRecord,
  type SparseVector,
  type UpdatePointRequest,
} from '@aip/contracts';
import { ownedBy, tenantPayload } from '@aip/rbac';
import { CollectionsService, type CollectionMeta } from '../collections/collections.service';
import { qdrantCall } from '../qdrant/qdrant-errors';
import { storedIdsOf, TENANT_POINT_ID_FIELD } from '../tenancy/tenant-point-ids';
import { checkDimension, pointVectors, toRecord } from './point-vectors';
import { TextEmbedder } from './text-embedder';

type Payload = Record<string, unknown>;
type Operations = Parameters<QdrantClient['batchUpdate']>[1]['operations'];

/** Payload fields only the platform writes; `text` changes through the text field. */
const OWNED_FIELDS = ['text', 'created_at', 'updated_at', 'embedding_model', TENANT_POINT_ID_FIELD];

/**
 * Changes one point in place: a new text is embedded again (dense and keyword vectors), a new
 * vector replaces the dense one, and the payload given is merged into the stored payload. A
 * tenant only ever sees, and so only ever changes, its own points.
 */
@Injectable()
export class PointUpdateService {
  constructor(
    private readonly qdrant: QdrantClient,
    private readonly collections: CollectionsService,
    private readonly embedder: TextEmbedder,
  ) {}

  async update(request: UpdatePointRequest): Promise<PointRecord> {
    const { collection } = request;
    if (request.vector === undefined && request.text === undefined && !request.payload)
      throw new PlatformError(ErrorCode.ValidationFailed, 'Give vector, text or payload to change');
    const owned = OWNED_FIELDS.filter((field) => request.payload && field in request.payload);
    if (owned.length > 0)
      throw new PlatformError(
        ErrorCode.ValidationFailed,
        `payload may not set ${owned.join(', ')}: the platform keeps them (send text to change the text)`,
      );
    const meta = await this.collections.meta(collection);
    if (request.vector) checkDimension(meta, request.vector, 'vector');
    const { id: storedId, record: stored } = await this.stored(request);
    const textChanged = request.text !== undefined && request.text !== stored.payload['text'];
    const { dense, sparse } = await this.vectorsFor(request, meta, textChanged);

    const payload: Payload = { ...request.payload, updated_at: new Date().toISOString() };
    if (textChanged) payload['text'] = request.text;
    if (textChanged && !request.vector) payload['embedding_model'] = meta.model;
    const operations: Operations = [];
    if (dense || sparse)
      operations.push({
        update_vectors: { points: [{ id: storedId, vector: pointVectors(meta, dense, sparse) }] },
      });
    operations.push({
      set_payload: { payload: tenantPayload(request.tenant, payload), points: [storedId] },
    });
    // A vector sent by the caller was not made by the collection's model.
    if (request.vector && stored.payload['embedding_model'] !== undefined)
      operations.push({ delete_payload: { keys: ['embedding_model'], points: [storedId] } });
    await qdrantCall('update point', () =>
      this.qdrant.batchUpdate(collection, { wait: true, operations }),
    );
    return (await this.stored(request)).record;
  }

  /** The point's stored id and the point as the caller sees it; 404 when absent or another tenant's. */
  private async stored(request: UpdatePointRequest): Promise<{ id: PointId; record: PointRecord }> {
    const points = await qdrantCall(
      'read',
      () =>
        this.qdrant.retrieve(request.collection, {
          ids: storedIdsOf(request.tenant, [request.id]),
          with_payload: true,
          with_vector: false,
        }),
      { idempotent: true },
    );
    const point = points.find((p) => ownedBy(request.tenant, p.payload));
    if (!point)
      throw new PlatformError(
        ErrorCode.NotFound,
        `No point ${request.id} in collection ${request.collection}`,
      );
    return { id: point.id, record: toRecord(point, request.tenant) };
  }

  private async vectorsFor(
    request: UpdatePointRequest,
    meta: CollectionMeta,
    textChanged: boolean,
  ): Promise<{ dense?: number[]; sparse?: SparseVector }> {
    const embedDense = textChanged && !request.vector;
    if (embedDense && !meta.model)
      throw new PlatformError(
        ErrorCode.ValidationFailed,
        `Collection ${request.collection} has no embedding model; send a vector with the text`,
      );
    const [dense, sparse] = await Promise.all([
      embedDense ? this.embedder.embed(meta.model!, [request.text!]) : undefined,
      textChanged && meta.keyword ? this.embedder.sparse([request.text!], 'document') : undefined,
    ]);
    return { dense: request.vector ?? dense?.[0], sparse: sparse?.[0] };
  }
}
