import { Injectable } from '@nestjs/common';
import { QdrantClient } from '@qdrant/js-client-rest';
import {
  ErrorCode,
  MAX_AUTO_CLUSTERS,
  MAX_CLUSTER_MEMBERS,
  MAX_CLUSTER_SAMPLE,
  MIN_CLUSTERS,
  PlatformError,
  type ClusterPointsRequest,
  type ClusterResult,
  type PointCluster,
  type PointId,
} from '@aip/contracts';
import { tenantFilter } from '@aip/rbac';
import { CollectionsService } from '../collections/collections.service';
import { toRecord } from '../points/point-vectors';
import { qdrantCall } from '../qdrant/qdrant-errors';
import { payloadSelection, tenantIdFilter } from '../tenancy/tenant-point-ids';
import { kMeans, KMEANS_SEED, type Clustering } from './k-means';
import { chooseK } from './k-selection';
import { ReservoirSample } from './reservoir-sample';
import { seededRandom } from './seeded-random';
import { dissimilarityMatrix, meanSilhouette } from './silhouette';
import { dissimilarityFor, normalize, type Distance } from './vector-metric';

/** Points per scroll page while reading vectors. */
const SCROLL_PAGE = 500;
/**
 * Points the silhouette is measured on: it costs n² distances, so a larger clustering is scored
 * on a seeded sample of this many.
 */
export const SILHOUETTE_SAMPLE = 1000;

interface Sampled {
  id: PointId;
  vector: number[];
}

/** k-means over a collection's dense vectors, k given or chosen by silhouette. */
@Injectable()
export class ClusterService {
  constructor(
    private readonly qdrant: QdrantClient,
    private readonly collections: CollectionsService,
  ) {}

  async cluster(request: ClusterPointsRequest): Promise<ClusterResult> {
    const meta = await this.collections.meta(request.collection);
    const cosine = meta.distance === 'Cosine';
    const reservoir = await this.read(request, request.sample_size ?? MAX_CLUSTER_SAMPLE);
    const points = reservoir.items.map((p) => ({
      id: p.id,
      vector: cosine ? normalize(p.vector) : p.vector,
    }));
    this.checkEnough(request, points);
    const vectors = points.map((p) => p.vector);
    const scored = scoringSample(vectors.length);
    const distance = dissimilarityFor(meta.distance);
    const matrix = dissimilarityMatrix(
      scored.map((i) => vectors[i]),
      distance,
    );
    const k =
      request.k ??
      (
        await chooseK(
          scored.map((i) => vectors[i]),
          matrix,
          MIN_CLUSTERS,
          request.max_k_for_auto ?? MAX_AUTO_CLUSTERS,
        )
      ).k;
    const clustering = await kMeans(vectors, k);
    return {
      k,
      chosen_by: request.k === undefined ? 'silhouette' : 'given',
      silhouette: meanSilhouette(
        matrix,
        scored.map((i) => clustering.labels[i]),
      ),
      sampled: reservoir.sampled,
      points_total: reservoir.total,
      points_clustered: points.length,
      clusters: describe(points, clustering, distance, cosine),
    };
  }

  /** Every matching point's dense vector, sampled down to `capacity` while reading. */
  private async read(
    request: ClusterPointsRequest,
    capacity: number,
  ): Promise<ReservoirSample<Sampled>> {
    const reservoir = new ReservoirSample<Sampled>(capacity, seededRandom(KMEANS_SEED));
    const filter = tenantFilter(request.tenant, tenantIdFilter(request.tenant, request.filter));
    let offset: PointId | undefined;
    do {
      const page = await qdrantCall(
        'read vectors',
        () =>
          this.qdrant.scroll(request.collection, {
            filter,
            limit: SCROLL_PAGE,
            offset,
            with_payload: payloadSelection(request.tenant, false),
            with_vector: true,
          }),
        { idempotent: true },
      );
      for (const point of page.points) {
        const { id, vector } = toRecord(point, request.tenant);
        if (vector) reservoir.add({ id, vector });
      }
      offset = (page.next_page_offset as PointId | null | undefined) ?? undefined;
    } while (offset !== undefined);
    return reservoir;
  }

  private checkEnough(request: ClusterPointsRequest, points: Sampled[]): void {
    const where = `collection ${request.collection}${request.filter ? ' (matching the filter)' : ''}`;
    const distinct = new Set(points.map((p) => p.vector.join(','))).size;
    if (request.k !== undefined && distinct < request.k) {
      throw new PlatformError(
        ErrorCode.ValidationFailed,
        `k=${request.k} needs at least ${request.k} points with distinct vectors; ${where} has ${distinct}`,
        { k: request.k, points: distinct },
      );
    }
    if (request.k === undefined && distinct < MIN_CLUSTERS + 1) {
      throw new PlatformError(
        ErrorCode.ValidationFailed,
        `Choosing k by silhouette needs at least ${MIN_CLUSTERS + 1} points with distinct vectors; ${where} has ${distinct}`,
        { points: distinct },
      );
    }
  }
}

/** Indexes of the points the silhouette is measured on: all, or a seeded sample. */
function scoringSample(n: number): number[] {
  const indexes = Array.from({ length: n }, (_, i) => i);
  if (n <= SILHOUETTE_SAMPLE) return indexes;
  const random = seededRandom(KMEANS_SEED);
  // A partial Fisher-Yates shuffle: the first SILHOUETTE_SAMPLE slots become the sample.
  for (let i = 0; i < SILHOUETTE_SAMPLE; i++) {
    const j = i + Math.floor(random() * (n - i));
    [indexes[i], indexes[j]] = [indexes[j], indexes[i]];
  }
  return indexes.slice(0, SILHOUETTE_SAMPLE).sort((a, b) => a - b);
}

/**
 * Clusters largest first, each with its centroid (a unit vector for cosine collections, the
 * direction a query would take) and its members closest to the centroid first.
 */
function describe(
  points: Sampled[],
  clustering: Clustering,
  distance: Distance,
  cosine: boolean,
): PointCluster[] {
  return clustering.centroids
    .map((mean, label) => {
      const centroid = cosine ? normalize(mean) : mean;
      const members = points
        .filter((_, i) => clustering.labels[i] === label)
        .map((p) => ({ id: p.id, d: distance(p.vector, centroid) }))
        .sort((a, b) => a.d - b.d);
      return { size: members.length, centroid, members: members.map((m) => m.id) };
    })
    .filter((cluster) => cluster.size > 0)
    .sort((a, b) => b.size - a.size)
    .map((cluster, id) => ({
      id,
      size: cluster.size,
      centroid: cluster.centroid,
      members: cluster.members.slice(0, MAX_CLUSTER_MEMBERS),
    }));
}
