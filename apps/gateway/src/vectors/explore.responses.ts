import { ApiProperty } from '@nestjs/swagger';
import type { ClusterResult, PointCluster, PointId } from '@aip/contracts';
import { POINT_ID_SCHEMA } from './points.responses';

const CHOSEN_BY = ['given', 'silhouette'] as const;

export class PointClusterDto implements PointCluster {
  @ApiProperty()
  id!: number;

  @ApiProperty({ description: 'Points in the cluster (of the sample, when sampled)' })
  size!: number;

  @ApiProperty({ type: [Number] })
  centroid!: number[];

  @ApiProperty({
    type: 'array',
    items: POINT_ID_SCHEMA,
    description: 'Up to 100 member ids, closest to the centroid first',
  })
  members!: PointId[];
}

export class ClusterResultDto implements ClusterResult {
  @ApiProperty()
  k!: number;

  @ApiProperty({ enum: CHOSEN_BY })
  chosen_by!: (typeof CHOSEN_BY)[number];

  @ApiProperty({ description: 'Mean silhouette, -1..1: higher is better separated' })
  silhouette!: number;

  @ApiProperty({ description: 'Whether only a sample of the matching points was clustered' })
  sampled!: boolean;

  @ApiProperty()
  points_total!: number;

  @ApiProperty()
  points_clustered!: number;

  @ApiProperty({ type: [PointClusterDto] })
  clusters!: PointClusterDto[];
}
