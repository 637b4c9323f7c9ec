import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CollectionRef,
  CreateCollectionRequest,
  DeletePointsRequest,
  GetPointsRequest,
  ScrollPointsRequest,
  SearchPointsRequest,
  Subject,
  UpsertPointsRequest,
} from '@aip/contracts';
import { CachedRead, WritesCollection } from '../cache/cache.decorators';
import { CollectionsService } from '../collections/collections.service';
import { PointsService } from './points.service';

/** The vector service's NATS API; each payload is validated against its contract class. */
@Controller()
export class VectorHandler {
  constructor(
    private readonly collections: CollectionsService,
    private readonly points: PointsService,
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

  @MessagePattern(Subject.VectorPointsSearch)
  @CachedRead()
  async search(@Payload() request: SearchPointsRequest) {
    return { points: await this.points.search(request) };
  }

  @MessagePattern(Subject.VectorPointsScroll)
  scroll(@Payload() request: ScrollPointsRequest) {
    return this.points.scroll(request);
  }
}
