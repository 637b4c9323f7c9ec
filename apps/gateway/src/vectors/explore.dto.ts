import { OmitType } from '@nestjs/swagger';
import { ClusterPointsRequest, RecommendPointsRequest } from '@aip/contracts';

// The tenant comes from the caller's credential, so a body can never choose it.
export class RecommendPointsDto extends OmitType(RecommendPointsRequest, ['tenant'] as const) {}
export class ClusterPointsDto extends OmitType(ClusterPointsRequest, ['tenant'] as const) {}
