import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ClusterPointsRequest, Subject } from '@aip/contracts';
import { CachedRead } from '../cache/cache.decorators';
import { ClusterService } from './cluster.service';

@Controller()
export class ClusterHandler {
  constructor(private readonly clusters: ClusterService) {}

  @MessagePattern(Subject.VectorPointsCluster)
  @CachedRead()
  cluster(@Payload() request: ClusterPointsRequest) {
    return this.clusters.cluster(request);
  }
}
