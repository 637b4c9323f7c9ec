import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  DeletePointsRequest,
  GetPointsRequest,
  ScrollPointsRequest,
  Subject,
  UpdatePointRequest,
  UpsertPointsRequest,
} from '@aip/contracts';
import { WritesCollection } from '../cache/cache.decorators';
import { PointUpdateService } from './point-update.service';
import { PointsService } from './points.service';

/** Points over NATS; each payload is validated against its contract class. */
@Controller()
export class PointsHandler {
  constructor(
    private readonly points: PointsService,
    private readonly updates: PointUpdateService,
  ) {}

  @MessagePattern(Subject.VectorPointsUpsert)
  @WritesCollection()
  upsert(@Payload() request: UpsertPointsRequest) {
    return this.points.upsert(request);
  }

  @MessagePattern(Subject.VectorPointsGet)
  async getPoints(@Payload() request: GetPointsRequest) {
    return { points: await this.points.get(request) };
  }

  @MessagePattern(Subject.VectorPointsDelete)
  @WritesCollection()
  deletePoints(@Payload() request: DeletePointsRequest) {
    return this.points.delete(request);
  }

  @MessagePattern(Subject.VectorPointsUpdate)
  @WritesCollection()
  update(@Payload() request: UpdatePointRequest) {
    return this.updates.update(request);
  }

  @MessagePattern(Subject.VectorPointsScroll)
  scroll(@Payload() request: ScrollPointsRequest) {
    return this.points.scroll(request);
  }
}
