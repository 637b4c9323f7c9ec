import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsNumber,
  IsOptional,
  Max,
  Min,
  ValidateBy,
} from 'class-validator';
import { FilterField, InCollection, MAX_LIMIT, type PointId } from './vector-points.contract';

/** Most positive (and, separately, negative) example ids one recommendation may use. */
export const MAX_RECOMMEND_EXAMPLES = 64;
/** Bounds of k for k-means. */
export const MIN_CLUSTERS = 2;
export const MAX_CLUSTERS = 50;
/** Largest k tried when k is chosen by silhouette (and the default upper end). */
export const MAX_AUTO_CLUSTERS = 10;
/** Most points clustered; a larger collection is sampled (and the reply says so). */
export const MAX_CLUSTER_SAMPLE = 10_000;
/** Member ids listed per cluster (closest to the centroid first); `size` counts them all. */
export const MAX_CLUSTER_MEMBERS = 100;

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

/** Point ids: UUID strings or unsigned integers. */
function ArePointIds(): PropertyDecorator {
  return ValidateBy({
    name: 'arePointIds',
    validator: {
      validate: (value: unknown) =>
        Array.isArray(value) &&
        value.every(
          (id) =>
            (typeof id === 'string' && UUID.test(id)) ||
            (typeof id === 'number' && Number.isSafeInteger(id) && id >= 0),
        ),
      defaultMessage: (args) => `${args?.property} must hold point ids: UUIDs or unsigned integers`,
    },
  });
}

class FilteredInCollection extends InCollection {
  @FilterField()
  filter?: Record<string, unknown>;
}

/** Payload of `vector.points.recommend.v1`: points like the positive ids and unlike the negative. */
export class RecommendPointsRequest extends FilteredInCollection {
  @IsArray()
  @ArrayMinSize(1, { message: 'positive must hold at least one point id' })
  @ArrayMaxSize(MAX_RECOMMEND_EXAMPLES, {
    message: `positive must hold at most ${MAX_RECOMMEND_EXAMPLES} point ids`,
  })
  @ArePointIds()
  positive!: PointId[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_RECOMMEND_EXAMPLES, {
    message: `negative must hold at most ${MAX_RECOMMEND_EXAMPLES} point ids`,
  })
  @ArePointIds()
  negative?: PointId[];

  @IsInt()
  @Min(1)
  @Max(MAX_LIMIT, { message: `top_k must be at most ${MAX_LIMIT}` })
  top_k = 10;

  @IsOptional()
  @IsNumber()
  score_threshold?: number;

  @IsOptional()
  @IsBoolean()
  with_payload?: boolean;
}

/** Payload of `vector.points.cluster.v1`: k-means over the collection's (filtered) points. */
export class ClusterPointsRequest extends FilteredInCollection {
  /** Number of clusters; chosen by the best silhouette score when absent. */
  @IsOptional()
  @IsInt()
  @Min(MIN_CLUSTERS, { message: `k must be at least ${MIN_CLUSTERS}` })
  @Max(MAX_CLUSTERS, { message: `k must be at most ${MAX_CLUSTERS}` })
  k?: number;

  /** Points clustered at most; more are sampled. */
  @IsOptional()
  @IsInt()
  @Min(MIN_CLUSTERS, { message: `sample_size must be at least ${MIN_CLUSTERS}` })
  @Max(MAX_CLUSTER_SAMPLE, { message: `sample_size must be at most ${MAX_CLUSTER_SAMPLE}` })
  sample_size?: number;

  /** Largest k tried when k is chosen by silhouette. */
  @IsOptional()
  @IsInt()
  @Min(MIN_CLUSTERS, { message: `max_k_for_auto must be at least ${MIN_CLUSTERS}` })
  @Max(MAX_AUTO_CLUSTERS, { message: `max_k_for_auto must be at most ${MAX_AUTO_CLUSTERS}` })
  max_k_for_auto?: number;
}

export interface PointCluster {
  id: number;
  /** Points in the cluster (of the sample, when sampled). */
  size: number;
  centroid: number[];
  /** Up to MAX_CLUSTER_MEMBERS ids, closest to the centroid first. */
  members: PointId[];
}

export interface ClusterResult {
  k: number;
  chosen_by: 'given' | 'silhouette';
  /** Mean silhouette of the clustering (-1..1; higher is better separated). */
  silhouette: number;
  /** Whether only a sample of the matching points was clustered. */
  sampled: boolean;
  /** Matching points, and how many of them were clustered. */
  points_total: number;
  points_clustered: number;
  clusters: PointCluster[];
}
