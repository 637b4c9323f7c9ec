import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import {
  AddSourceRequest,
  ListSourcesRequest,
  RemoveSourceRequest,
  SourceRef,
  Subject,
  type SourceListReply,
} from '@aip/contracts';
import { SourceRegistry } from './source-registry.service';
import { Handles } from '@aip/platform';

@Controller()
export class SourcesHandler {
  constructor(private readonly registry: SourceRegistry) {}

  @Handles(Subject.SyncSourcesList)
  async list(@Payload() request: ListSourcesRequest): Promise<SourceListReply> {
    return { sources: await this.registry.list(request.id) };
  }

  @Handles(Subject.SyncSourcesAdd)
  add(@Payload() request: AddSourceRequest) {
    return this.registry.add(request);
  }

  @Handles(Subject.SyncSourcesPause)
  pause(@Payload() request: SourceRef) {
    return this.registry.pause(request.id);
  }

  @Handles(Subject.SyncSourcesResume)
  resume(@Payload() request: SourceRef) {
    return this.registry.resume(request.id);
  }

  @Handles(Subject.SyncSourcesRemove)
  remove(@Payload() request: RemoveSourceRequest) {
    return this.registry.remove(request.id, request.keep_documents);
  }
}
