import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { QdrantClient } from '@qdrant/js-client-rest';
import { from, map, type Observable } from 'rxjs';
import {
  ErrorCode,
  PlatformError,
  SNAPSHOT_CHUNK_BYTES,
  type SnapshotChunk,
  type SnapshotInfo,
  type SnapshotRestored,
} from '@aip/contracts';
import { CollectionsService } from '../collections/collections.service';
import { qdrantCall } from '../qdrant/qdrant-errors';
import { QDRANT_SLOW_CALL_TIMEOUT_MS } from '../qdrant/qdrant-resilience';
import { byteChunks } from './byte-chunks';
import { SnapshotTransfer } from './snapshot-transfer';
import { utcTimeOf } from './utc-time';

function toInfo(description: {
  name: string;
  creation_time?: string | null;
  size: number;
  checksum?: string | null;
}): SnapshotInfo {
  return {
    name: description.name,
    creation_time: utcTimeOf(description.creation_time),
    size: description.size,
    checksum: description.checksum ?? null,
  };
}

/** Collection snapshots: create, list, stream out, and restore one in place of the collection. */
@Injectable()
export class SnapshotsService {
  constructor(
    private readonly qdrant: QdrantClient,
    private readonly collections: CollectionsService,
    private readonly transfer: SnapshotTransfer,
  ) {}

  async create(collection: string): Promise<SnapshotInfo> {
    const description = await qdrantCall(
      `snapshot ${collection}`,
      () => this.qdrant.createSnapshot(collection, { wait: true }),
      { timeoutMs: QDRANT_SLOW_CALL_TIMEOUT_MS },
    );
    if (!description)
      throw new PlatformError(ErrorCode.Internal, `Qdrant made no snapshot of ${collection}`);
    return toInfo(description);
  }

  /** Newest first. */
  async list(collection: string): Promise<SnapshotInfo[]> {
    const descriptions = await qdrantCall(
      `snapshots of ${collection}`,
      () => this.qdrant.listSnapshots(collection),
      { idempotent: true },
    );
    return descriptions
      .map(toInfo)
      .sort((a, b) => (b.creation_time ?? '').localeCompare(a.creation_time ?? ''));
  }

  private async find(collection: string, snapshot: string): Promise<SnapshotInfo> {
    const snapshots = await this.list(collection);
    const found = snapshots.find((s) => s.name === snapshot);
    if (!found) {
      throw new PlatformError(
        ErrorCode.NotFound,
        `No snapshot ${snapshot} of collection ${collection}; it has ${snapshots.length === 0 ? 'none' : snapshots.map((s) => s.name).join(', ')}`,
        { snapshot },
      );
    }
    return found;
  }

  /** The file in pieces of SNAPSHOT_CHUNK_BYTES, read from Qdrant as they are sent. */
  async download(collection: string, snapshot: string): Promise<Observable<SnapshotChunk>> {
    const { size } = await this.find(collection, snapshot);
    const bytes = await this.transfer.open(collection, snapshot);
    let offset = 0;
    return from(byteChunks(bytes, SNAPSHOT_CHUNK_BYTES)).pipe(
      map((piece) => {
        const chunk = { offset, size, data: piece.toString('base64') };
        offset += piece.length;
        return chunk;
      }),
    );
  }

  /** Replaces the collection's points, payloads, indexes and config with a listed snapshot's. */
  async restore(collection: string, snapshot: string): Promise<SnapshotRestored> {
    const info = await this.find(collection, snapshot);
    const scratch = await mkdtemp(join(tmpdir(), 'aip-snapshot-'));
    try {
      const file = join(scratch, snapshot);
      await this.transfer.save(collection, snapshot, file);
      await this.transfer.upload(collection, file, snapshot, info.checksum ?? undefined);
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
    this.collections.forget(collection);
    return { restored: snapshot, collection: await this.collections.get(collection) };
  }
}
