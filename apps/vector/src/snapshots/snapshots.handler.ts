import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { SnapshotCollectionRef, SnapshotRef, Subject } from '@aip/contracts';
import { WritesCollection } from '../cache/cache.decorators';
import { SnapshotsService } from './snapshots.service';
import { Handles } from '@aip/platform';

@Controller()
export class SnapshotsHandler {
  constructor(private readonly snapshots: SnapshotsService) {}

  @Handles(Subject.VectorSnapshotCreate)
  create(@Payload() request: SnapshotCollectionRef) {
    return this.snapshots.create(request.collection);
  }

  @Handles(Subject.VectorSnapshotList)
  async list(@Payload() request: SnapshotCollectionRef) {
    return { snapshots: await this.snapshots.list(request.collection) };
  }

  /** Streams the file in order, one message per chunk. */
  @Handles(Subject.VectorSnapshotDownload)
  download(@Payload() request: SnapshotRef) {
    return this.snapshots.download(request.collection, request.snapshot);
  }

  @Handles(Subject.VectorSnapshotRestore)
  @WritesCollection()
  restore(@Payload() request: SnapshotRef) {
    return this.snapshots.restore(request.collection, request.snapshot);
  }
}
