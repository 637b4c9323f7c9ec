import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CollectionRef,
  CreateCollectionRequest,
  Subject,
  UpdateCollectionRequest,
} from '@aip/contracts';
import { WritesCollection } from '../cache/cache.decorators';
import { CollectionsService } from './collections.service';

/** Collections over NATS; each payload is validated against its contract class. */
@Controller()
export class CollectionsHandler {
  constructor(private readonly collections: CollectionsService) {}

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

  @MessagePattern(Subject.VectorCollectionUpdate)
  @WritesCollection()
  update(@Payload() request: UpdateCollectionRequest) {
    return this.collections.update(request);
  }

  @MessagePattern(Subject.VectorCollectionDelete)
  @WritesCollection()
  async delete(@Payload() request: CollectionRef) {
    await this.collections.delete(request.name);
    return { deleted: true };
  }
}
