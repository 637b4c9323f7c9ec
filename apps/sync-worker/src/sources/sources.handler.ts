import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AddSourceRequest,
  ListSourcesRequest,
  RemoveSourceRequest,
  SourceRef,
  Subject,
  type SourceListReply,
} from '@aip/contracts';
import { SourceRegistry } from './source-registry.service';

@Controller()
export class SourcesHandler {
  constructor(private readonly registry: SourceRegistry) {}

  @MessagePattern(Subject.SyncSourcesList)
  async list(@Payload() request: ListSourcesRequest): Promise<SourceListReply> {
    return { sources: await this.registry.list(request.id) };
  }

  @MessagePattern(Subject.SyncSourcesAdd)
  add(@Payload() request: AddSourceRequest) {
    return this.registry.add(request);
  }

  @MessagePattern(Subject.SyncSourcesPause)
  pause(@Payload() request: SourceRef) {
    return this.registry.pause(request.id);
  }

  @MessagePattern(Subject.SyncSourcesResume)
  resume(@Payload() request: SourceRef) {
    return this.registry.resume(request.id);
  }

  @MessagePattern(Subject.SyncSourcesRemove)
  remove(@Payload() request: RemoveSourceRequest) {
    return this.registry.remove(request.id, request.keep_documents);
  }
}
