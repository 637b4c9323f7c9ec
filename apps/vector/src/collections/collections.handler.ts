import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  CollectionRef,
  CreateCollectionRequest,
  Subject,
  UpdateCollectionRequest,
} from '@aip/contracts';
import { WritesCollection } from '../cache/cache.decorators';
import { CollectionsService } from './collections.service';
import { Handles } from '@aip/platform';

/** Collections over NATS; each payload is validated against its contract class. */
@Controller()
export class CollectionsHandler {
  constructor(private readonly collections: CollectionsService) {}

  @Handles(Subject.VectorCollectionCreate)
  @WritesCollection()
  create(@Payload() request: CreateCollectionRequest) {
    return this.collections.create(request);
  }

  @Handles(Subject.VectorCollectionList)
  async list() {
    return { collections: await this.collections.list() };
  }

  @Handles(Subject.VectorCollectionGet)
  get(@Payload() request: CollectionRef) {
    return this.collections.get(request.name, request.tenant);
  }

  @Handles(Subject.VectorCollectionUpdate)
  @WritesCollection()
  update(@Payload() request: UpdateCollectionRequest) {
    return this.collections.update(request);
  }

  @Handles(Subject.VectorCollectionDelete)
  @WritesCollection()
  async delete(@Payload() request: CollectionRef) {
    await this.collections.delete(request.name);
    return { deleted: true };
  }
}
