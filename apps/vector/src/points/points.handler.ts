import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CollectionRef,
  CreateCollectionRequest,
  DeletePointsRequest,
  GetPointsRequest,
  ScrollPointsRequest,
  Subject,
  UpdatePointRequest,
  UpsertPointsRequest,
} from '@aip/contracts';
import { WritesCollection } from '../cache/cache.decorators';
import { CollectionsService } from '../collections/collections.service';
import { PointUpdateService } from './point-update.service';
import { PointsService } from './points.service';

/** The vector service's NATS API; each payload is validated against its contract class. */
@Controller()
export class VectorHandler {
  constructor(
    private readonly collections: CollectionsService,
    private readonly points: PointsService,
    private readonly updates: PointUpdateService,
  ) {}

  @MessagePattern(Subject.VectorCollectionCreate)
  @WritesCollection()
  create(@Payload() request: CreateCollectionRequest) {
    return this.collections.create(request);
  }

  @MessagePattern(Subject.VectorCollectionList)
  async list() {
    return { collections: await this.collections.list() };
  }

  @MessagePattern(Subject.VectorCollectionGet)
  get(@Payload() request: CollectionRef) {
    return this.collections.get(request.name);
  }

  @MessagePattern(Subject.VectorCollectionDelete)
  @WritesCollection()
  async delete(@Payload() request: CollectionRef) {
    await this.collections.delete(request.name);
    return { deleted: true };
  }

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
