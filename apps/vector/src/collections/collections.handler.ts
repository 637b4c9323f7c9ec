import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Subject, UpdateCollectionRequest } from '@aip/contracts';
import { WritesCollection } from '../cache/cache.decorators';
import { CollectionsService } from './collections.service';

@Controller()
export class CollectionsHandler {
  constructor(private readonly collections: CollectionsService) {}

  @MessagePattern(Subject.VectorCollectionUpdate)
  @WritesCollection()
  update(@Payload() request: UpdateCollectionRequest) {
    return this.collections.update(request);
  }
}
