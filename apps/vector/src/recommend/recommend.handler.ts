import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { RecommendPointsRequest, Subject } from '@aip/contracts';
import { CachedRead } from '../cache/cache.decorators';
import { RecommendService } from './recommend.service';
import { Handles } from '@aip/platform';

@Controller()
export class RecommendHandler {
  constructor(private readonly recommendations: RecommendService) {}

  @Handles(Subject.VectorPointsRecommend)
  @CachedRead()
  async recommend(@Payload() request: RecommendPointsRequest) {
    return { points: await this.recommendations.recommend(request) };
  }
}
