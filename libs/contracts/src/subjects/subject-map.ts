import type { Observable } from 'rxjs';
import {
  EmbedRequest,
  type EmbedChunk,
  type EmbeddingModelInfo,
} from '../embedding/embedding.contract';
import { SparseEmbedRequest, type SparseEmbedChunk } from '../embedding/sparse.contract';
import {
  EmptyRequest,
  ServiceHealthRequest,
  type ServiceHealthReply,
} from '../health/service-health';
import {
  ChatRequest,
  GenerateRequest,
  type GenerationChunk,
  type InferenceModelInfo,
} from '../inference/generation.contract';
import {
  FeedbackRequest,
  RagQueryRequest,
  type FeedbackResult,
  type RagAnswer,
  type RagStreamEvent,
} from '../inference/rag.contract';
import {
  IngestJobRef,
  IngestRequest,
  ReindexRequest,
  type IngestJobReport,
  type JobAccepted,
} from '../sync/ingest.contract';
import {
  AddSourceRequest,
  ListSourcesRequest,
  RemoveSourceRequest,
  SourceRef,
  type SourceInfo,
  type SourceListReply,
  type SourceRemoved,
} from '../sync/sources.contract';
import {
  AliasRef,
  AliasSwapRequest,
  type AliasResolution,
  type AliasSwapResult,
} from '../vector/collection-alias.contract';
import {
  CollectionAnalyticsRequest,
  SearchAnalyticsRequest,
  type CollectionAnalyticsReply,
  type SearchAnalyticsReply,
} from '../vector/vector-analytics.contract';
import {
  CollectionRef,
  CreateCollectionRequest,
  UpdateCollectionRequest,
  type CollectionDeleted,
  type CollectionInfo,
  type CollectionList,
} from '../vector/vector-collections.contract';
import {
  ClusterPointsRequest,
  RecommendPointsRequest,
  type ClusterResult,
} from '../vector/vector-explore.contract';
import {
  DeletePointsRequest,
  GetPointsRequest,
  ScrollPointsRequest,
  UpdatePointRequest,
  UpsertPointsRequest,
  type DeleteResult,
  type PointList,
  type PointRecord,
  type ScrollPage,
  type UpsertResult,
} from '../vector/vector-points.contract';
import {
  SearchBatchRequest,
  SearchPointsRequest,
  type SearchBatchResult,
  type SearchResult,
} from '../vector/vector-search.contract';
import {
  SnapshotCollectionRef,
  SnapshotRef,
  type SnapshotChunk,
  type SnapshotInfo,
  type SnapshotList,
  type SnapshotRestored,
} from '../vector/vector-snapshots.contract';
import { ServiceName, type NatsServiceName } from './service-name';
import { Subject } from './subject';

/**
 * What one subject carries: the service that answers it, the class its payload must be (the
 * answering service validates against it), and, as types only, its reply. `Reply` is the single
 * reply of a request/reply subject, `Chunk` one message of a streamed reply; a subject that
 * answers one way only has `never` for the other.
 */
export interface SubjectRoute<TService extends NatsServiceName, TRequest, TReply, TChunk> {
  readonly service: TService;
  readonly request: new () => TRequest;
  /** Types only: never set at run time. */
  readonly replies?: { reply: TReply; chunk: TChunk };
}

/** A request with one reply. */
const unary =
  <TReply>() =>
  <TService extends NatsServiceName, TRequest>(
    service: TService,
    request: new () => TRequest,
  ): SubjectRoute<TService, TRequest, TReply, never> => ({ service, request });

/** A request answered by a stream of messages, in order, then completion. */
const streamed =
  <TChunk>() =>
  <TService extends NatsServiceName, TRequest>(
    service: TService,
    request: new () => TRequest,
  ): SubjectRoute<TService, TRequest, never, TChunk> => ({ service, request });

/** A request whose `stream` field chooses one reply or a stream of messages. */
const either =
  <TReply, TChunk>() =>
  <TService extends NatsServiceName, TRequest extends { stream?: boolean }>(
    service: TService,
    request: new () => TRequest,
  ): SubjectRoute<TService, TRequest, TReply, TChunk> => ({ service, request });

const { Inference, Embedding, Vector, SyncWorker } = ServiceName;

/**
 * Every NATS subject of the platform with its payload class, reply type and answering service.
 * `ServiceClient` takes the service, payload type and reply type of a call from here, and
 * handlers are typed from the same entry (`@Handles`), so both ends of a subject agree or the
 * build fails.
 */
export const SUBJECTS = {
  [Subject.InferenceHealth]: unary<ServiceHealthReply>()(Inference, ServiceHealthRequest),
  [Subject.EmbeddingHealth]: unary<ServiceHealthReply>()(Embedding, ServiceHealthRequest),
  [Subject.VectorHealth]: unary<ServiceHealthReply>()(Vector, ServiceHealthRequest),
  [Subject.SyncWorkerHealth]: unary<ServiceHealthReply>()(SyncWorker, ServiceHealthRequest),

  [Subject.EmbeddingEmbed]: streamed<EmbedChunk>()(Embedding, EmbedRequest),
  [Subject.EmbeddingModels]: unary<EmbeddingModelInfo[]>()(Embedding, EmptyRequest),
  [Subject.EmbeddingSparse]: streamed<SparseEmbedChunk>()(Embedding, SparseEmbedRequest),

  [Subject.VectorCollectionCreate]: unary<CollectionInfo>()(Vector, CreateCollectionRequest),
  [Subject.VectorCollectionList]: unary<CollectionList>()(Vector, EmptyRequest),
  [Subject.VectorCollectionGet]: unary<CollectionInfo>()(Vector, CollectionRef),
  [Subject.VectorCollectionDelete]: unary<CollectionDeleted>()(Vector, CollectionRef),
  [Subject.VectorCollectionUpdate]: unary<CollectionInfo>()(Vector, UpdateCollectionRequest),
  [Subject.VectorSnapshotCreate]: unary<SnapshotInfo>()(Vector, SnapshotCollectionRef),
  [Subject.VectorSnapshotList]: unary<SnapshotList>()(Vector, SnapshotCollectionRef),
  [Subject.VectorSnapshotDownload]: streamed<SnapshotChunk>()(Vector, SnapshotRef),
  [Subject.VectorSnapshotRestore]: unary<SnapshotRestored>()(Vector, SnapshotRef),
  [Subject.VectorPointsUpsert]: unary<UpsertResult>()(Vector, UpsertPointsRequest),
  [Subject.VectorPointsGet]: unary<PointList>()(Vector, GetPointsRequest),
  [Subject.VectorPointsDelete]: unary<DeleteResult>()(Vector, DeletePointsRequest),
  [Subject.VectorPointsSearch]: unary<SearchResult>()(Vector, SearchPointsRequest),
  [Subject.VectorPointsScroll]: unary<ScrollPage>()(Vector, ScrollPointsRequest),
  [Subject.VectorPointsUpdate]: unary<PointRecord>()(Vector, UpdatePointRequest),
  [Subject.VectorPointsSearchBatch]: unary<SearchBatchResult>()(Vector, SearchBatchRequest),
  [Subject.VectorPointsRecommend]: unary<PointList>()(Vector, RecommendPointsRequest),
  [Subject.VectorPointsCluster]: unary<ClusterResult>()(Vector, ClusterPointsRequest),
  [Subject.VectorAnalyticsCollections]: unary<CollectionAnalyticsReply>()(
    Vector,
    CollectionAnalyticsRequest,
  ),
  [Subject.VectorAnalyticsSearch]: unary<SearchAnalyticsReply>()(Vector, SearchAnalyticsRequest),
  [Subject.VectorAliasesResolve]: unary<AliasResolution>()(Vector, AliasRef),
  [Subject.VectorAliasesSwap]: unary<AliasSwapResult>()(Vector, AliasSwapRequest),

  [Subject.InferenceModels]: unary<InferenceModelInfo[]>()(Inference, EmptyRequest),
  [Subject.InferenceGenerate]: streamed<GenerationChunk>()(Inference, GenerateRequest),
  [Subject.InferenceChat]: streamed<GenerationChunk>()(Inference, ChatRequest),
  [Subject.InferenceRagQuery]: either<RagAnswer, RagStreamEvent>()(Inference, RagQueryRequest),
  [Subject.InferenceFeedback]: unary<FeedbackResult>()(Inference, FeedbackRequest),

  [Subject.SyncIngestEnqueue]: unary<JobAccepted>()(SyncWorker, IngestRequest),
  [Subject.SyncIngestJob]: unary<IngestJobReport>()(SyncWorker, IngestJobRef),
  [Subject.SyncIngestCancel]: unary<IngestJobReport>()(SyncWorker, IngestJobRef),
  [Subject.SyncReindex]: unary<JobAccepted>()(SyncWorker, ReindexRequest),
  [Subject.SyncSourcesList]: unary<SourceListReply>()(SyncWorker, ListSourcesRequest),
  [Subject.SyncSourcesAdd]: unary<SourceInfo>()(SyncWorker, AddSourceRequest),
  [Subject.SyncSourcesPause]: unary<SourceInfo>()(SyncWorker, SourceRef),
  [Subject.SyncSourcesResume]: unary<SourceInfo>()(SyncWorker, SourceRef),
  [Subject.SyncSourcesRemove]: unary<SourceRemoved>()(SyncWorker, RemoveSourceRequest),
} as const satisfies { [S in Subject]: SubjectRoute<NatsServiceName, object, unknown, unknown> };

type Routes = typeof SUBJECTS;
type RepliesOf<S extends Subject> = NonNullable<Routes[S]['replies']>;

/** The payload a subject takes. */
export type RequestOf<S extends Subject> = InstanceType<Routes[S]['request']>;
/** The single reply of a request/reply subject. */
export type ReplyOf<S extends Subject> = RepliesOf<S>['reply'];
/** One message of a subject's streamed reply. */
export type ChunkOf<S extends Subject> = RepliesOf<S>['chunk'];
/** The service that answers a subject. */
export type ServiceOf<S extends Subject> = Routes[S]['service'];

/** Subjects that can be asked for one reply. */
export type UnarySubject = {
  [S in Subject]: [ReplyOf<S>] extends [never] ? never : S;
}[Subject];
/** Subjects that can be asked for a stream of messages. */
export type StreamedSubject = {
  [S in Subject]: [ChunkOf<S>] extends [never] ? never : S;
}[Subject];

/** The subjects one service answers. */
export type SubjectsOf<TService extends NatsServiceName> = {
  [S in Subject]: ServiceOf<S> extends TService ? S : never;
}[Subject];

/** What a handler of a subject may return: its reply, or its stream, sync or not. */
export type HandlerResult<S extends Subject> =
  ReplyOf<S> | Promise<ReplyOf<S>> | Observable<ChunkOf<S>> | Promise<Observable<ChunkOf<S>>>;

/** The service that answers `subject`. */
export function serviceOf<S extends Subject>(subject: S): ServiceOf<S> {
  return SUBJECTS[subject].service as ServiceOf<S>;
}
