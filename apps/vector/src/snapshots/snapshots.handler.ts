import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { SnapshotCollectionRef, SnapshotRef, Subject } from '@aip/contracts';
import { WritesCollection } from '../cache/cache.decorators';
import { SnapshotsService } from './snapshots.service';

@Controller()
export class SnapshotsHandler {
  constructor(private readonly snapshots: SnapshotsService) {}

  @MessagePattern(Subject.VectorSnapshotCreate)
  create(@Payload() request: SnapshotCollectionRef) {
    return this.snapshots.create(request.collection);
  }

  @MessagePattern(Subject.VectorSnapshotList)
  async list(@Payload() request: SnapshotCollectionRef) {
    return { snapshots: await this.snapshots.list(request.collection) };
  }

  /** Streams the file in order, one message per chunk. */
  @MessagePattern(Subject.VectorSnapshotDownload)
  download(@Payload() request: SnapshotRef) {
    return this.snapshots.download(request.collection, request.snapshot);
  }

  @MessagePattern(Subject.VectorSnapshotRestore)
  @WritesCollection()
  restore(@Payload() request: SnapshotRef) {
    return this.snapshots.restore(request.collection, request.snapshot);
  }
}
