import { ServiceName, type NatsServiceName } from './service-name';

/**
 * Every NATS subject of the platform, `<domain>.<action>.v1`. Subjects are part of the wire
 * contract between independently deployed services: add new versions, never rename.
 */
export enum Subject {
  InferenceHealth = 'inference.health.v1',
  EmbeddingHealth = 'embedding.health.v1',
  VectorHealth = 'vector.health.v1',
  SyncWorkerHealth = 'sync.health.v1',
  EmbeddingEmbed = 'embedding.embed.v1',
  EmbeddingModels = 'embedding.models.v1',
  EmbeddingSparse = 'embedding.sparse.v1',
  VectorCollectionCreate = 'vector.collections.create.v1',
  VectorCollectionList = 'vector.collections.list.v1',
  VectorCollectionGet = 'vector.collections.get.v1',
  VectorCollectionDelete = 'vector.collections.delete.v1',
  VectorCollectionUpdate = 'vector.collections.update.v1',
  VectorSnapshotCreate = 'vector.snapshots.create.v1',
  VectorSnapshotList = 'vector.snapshots.list.v1',
  VectorSnapshotDownload = 'vector.snapshots.download.v1',
  VectorSnapshotRestore = 'vector.snapshots.restore.v1',
  VectorPointsUpsert = 'vector.points.upsert.v1',
  VectorPointsGet = 'vector.points.get.v1',
  VectorPointsDelete = 'vector.points.delete.v1',
  VectorPointsSearch = 'vector.points.search.v1',
  VectorPointsScroll = 'vector.points.scroll.v1',
  VectorPointsUpdate = 'vector.points.update.v1',
  VectorPointsSearchBatch = 'vector.points.search-batch.v1',
  VectorPointsRecommend = 'vector.points.recommend.v1',
  VectorPointsCluster = 'vector.points.cluster.v1',
  VectorAnalyticsCollections = 'vector.analytics.collections.v1',
  VectorAnalyticsSearch = 'vector.analytics.search.v1',
  VectorAliasesResolve = 'vector.aliases.resolve.v1',
  VectorAliasesSwap = 'vector.aliases.swap.v1',
  InferenceModels = 'inference.models.v1',
  InferenceGenerate = 'inference.generate.v1',
  InferenceChat = 'inference.chat.v1',
  InferenceRagQuery = 'inference.rag.query.v1',
  InferenceFeedback = 'inference.feedback.v1',
  SyncIngestEnqueue = 'sync.ingest.enqueue.v1',
  SyncIngestJob = 'sync.ingest.job.v1',
  SyncIngestCancel = 'sync.ingest.cancel.v1',
  SyncReindex = 'sync.reindex.v1',
  SyncSourcesList = 'sync.sources.list.v1',
  SyncSourcesAdd = 'sync.sources.add.v1',
  SyncSourcesPause = 'sync.sources.pause.v1',
  SyncSourcesResume = 'sync.sources.resume.v1',
  SyncSourcesRemove = 'sync.sources.remove.v1',
}

export const HEALTH_SUBJECTS = {
  [ServiceName.Inference]: Subject.InferenceHealth,
  [ServiceName.Embedding]: Subject.EmbeddingHealth,
  [ServiceName.Vector]: Subject.VectorHealth,
  [ServiceName.SyncWorker]: Subject.SyncWorkerHealth,
} as const satisfies Record<NatsServiceName, Subject>;

export type HealthSubject = (typeof HEALTH_SUBJECTS)[NatsServiceName];

/** NATS header carrying the request id from the gateway through every service. */
export const REQUEST_ID_HEADER = 'x-request-id';
