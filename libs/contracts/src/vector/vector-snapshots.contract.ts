import { Matches } from 'class-validator';
import { COLLECTION_NAME, type CollectionInfo } from './vector-collections.contract';

/** Snapshot file names as Qdrant (and vector-engine) make them. */
export const SNAPSHOT_NAME = /^[\w.-]{1,200}\.snapshot$/;

/** Raw bytes per streamed download message: base64 makes ~4/3 of it, well under NATS's 1 MB. */
export const SNAPSHOT_CHUNK_BYTES = 256 * 1024;

/** Payload of `vector.snapshots.create.v1` and `vector.snapshots.list.v1`. */
export class SnapshotCollectionRef {
  @Matches(COLLECTION_NAME, { message: 'collection must be 1-64 letters, digits, _ or -' })
  collection!: string;
}

/** Payload of `vector.snapshots.download.v1` and `vector.snapshots.restore.v1`. */
export class SnapshotRef extends SnapshotCollectionRef {
  @Matches(SNAPSHOT_NAME, {
    message: 'snapshot must be a snapshot file name: letters, digits, _ . - ending in .snapshot',
  })
  snapshot!: string;
}

export interface SnapshotInfo {
  name: string;
  creation_time: string | null;
  size: number;
  checksum: string | null;
}

/** One message of a streamed snapshot download, in order. */
export interface SnapshotChunk {
  /** Byte offset of this chunk in the file. */
  offset: number;
  /** Size of the whole file, in bytes. */
  size: number;
  /** The bytes, base64. */
  data: string;
}

/** Reply of `vector.snapshots.list.v1`, newest first. */
export interface SnapshotList {
  snapshots: SnapshotInfo[];
}

/** Reply of `vector.snapshots.restore.v1`: the snapshot restored and the collection after it. */
export interface SnapshotRestored {
  restored: string;
  collection: CollectionInfo;
}
