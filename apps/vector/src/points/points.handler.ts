import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
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
import { Handles } from '@aip/platform';

/** Points over NATS; each payload is validated against its contract class. */
@Controller()
export class PointsHandler {
  constructor(
    private readonly points: PointsService,
    private readonly updates: PointUpdateService,
  ) {}

  @Handles(Subject.VectorPointsUpsert)
  @WritesCollection()
  upsert(@Payload() request: UpsertPointsRequest) {
    return this.points.upsert(request);
  }

  @Handles(Subject.VectorPointsGet)
  async getPoints(@Payload() request: GetPointsRequest) {
    return { points: await this.points.get(request) };
  }

  @Handles(Subject.VectorPointsDelete)
  @WritesCollection()
  deletePoints(@Payload() request: DeletePointsRequest) {
    return this.points.delete(request);
  }

  @Handles(Subject.VectorPointsUpdate)
  @WritesCollection()
  update(@Payload() request: UpdatePointRequest) {
    return this.updates.update(request);
  }

  @Handles(Subject.VectorPointsScroll)
  scroll(@Payload() request: ScrollPointsRequest) {
    return this.points.scroll(request);
  }
}
