import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiSecurity, ApiTags } from '@nestjs/swagger';
import { Subject, type ClusterResult, type PointList } from '@aip/contracts';
import { ApiPlatformErrors } from '@aip/platform';
import { RequirePermission, type Principal } from '@aip/rbac';
import { CurrentPrincipal } from '../auth/current-principal.decorator';
import { VectorClient } from '../clients/vector.client';
import { ClusterPointsDto, RecommendPointsDto } from './explore.dto';
import { ClusterResultDto } from './explore.responses';
import { PointListDto } from './points.responses';

/** k-means over up to MAX_CLUSTER_SAMPLE vectors, with k chosen by silhouette, takes seconds. */
export const CLUSTER_TIMEOUT_MS = 60_000;

@ApiTags('vectors')
@ApiBearerAuth()
@ApiSecurity('api-key')
@Controller('api/v1/vectors')
export class ExploreController {
  constructor(private readonly vector: VectorClient) {}

  @Post('recommend')
  @HttpCode(200)
  @RequirePermission('vectors:search')
  @ApiOperation({
    summary:
      'Points like the positive example ids and unlike the negative ones (never the examples)',
  })
  @ApiOkResponse({ type: PointListDto })
  @ApiPlatformErrors(400, 401, 403, 404, 413, 429, 503, 504)
  recommend(
    @Body() body: RecommendPointsDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PointList> {
    return this.vector.request(Subject.VectorPointsRecommend, {
      ...body,
      tenant: principal.tenant,
    });
  }

  @Post('cluster')
  @HttpCode(200)
  @RequirePermission('vectors:search')
  @ApiOperation({
    summary:
      'k-means over the points (optionally filtered): k given or chosen by silhouette; centroids, sizes and members',
  })
  @ApiOkResponse({ type: ClusterResultDto })
  @ApiPlatformErrors(400, 401, 403, 404, 413, 429, 503, 504)
  cluster(
    @Body() body: ClusterPointsDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ClusterResult> {
    return this.vector.request(
      Subject.VectorPointsCluster,
      { ...body, tenant: principal.tenant },
      { timeoutMs: CLUSTER_TIMEOUT_MS },
    );
  }
}
