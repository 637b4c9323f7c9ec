/**
 * Every BullMQ queue of the platform. Values are Redis key prefixes that jobs already queued
 * live under: add new names, never rename.
 */
export enum QueueName {
  /** Bulk ingestion: chunk, embed and upsert the documents of one request. */
  Ingest = 'ingest',
  /** Re-embedding a collection with another model behind an alias swap. */
  Reindex = 'reindex',
}
