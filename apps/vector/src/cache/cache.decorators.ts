import { SetMetadata } from '@nestjs/common';

export const CACHED_READ = 'aip:vector:cached-read';
export const WRITES_COLLECTION = 'aip:vector:writes-collection';

/**
 * A read whose reply depends only on its payload and the collection's contents: cached in Redis
 * under the collection's version, and timed for search analytics. The collection is the
 * payload's `collection` (or `name`).
 */
export const CachedRead = () => SetMetadata(CACHED_READ, true);

/** A write to the payload's `collection` (or `name`): bumps its version when it completes. */
export const WritesCollection = () => SetMetadata(WRITES_COLLECTION, true);
