import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { ClusterPointsRequest, Subject } from '@aip/contracts';
import { CachedRead } from '../cache/cache.decorators';
import { ClusterService } from './cluster.service';
import { Handles } from '@aip/platform';

@Controller()
export class ClusterHandler {
  constructor(private readonly clusters: ClusterService) {}

  @Handles(Subject.VectorPointsCluster)
  @CachedRead()
  cluster(@Payload() request: ClusterPointsRequest) {
    return this.clusters.cluster(request);
  }
}
