// Contract classes use class-transformer decorators, which need the metadata API loaded first.
import 'reflect-metadata';

export * from './embedding/embedding.contract';
export * from './embedding/sparse.contract';
export * from './errors/error-code';
export * from './errors/platform-error';
export * from './health/service-health';
export * from './inference/generation.contract';
export * from './inference/logprobs.contract';
export * from './inference/tool-calling.contract';
export * from './inference/rag.contract';
export * from './subjects/service-name';
export * from './subjects/subject';
export * from './vector/collection-alias.contract';
export * from './sync/ingest.contract';
export * from './sync/ingest-size';
export * from './sync/queue-name';
export * from './sync/sources.contract';
export * from './vector/vector-analytics.contract';
export * from './vector/vector-collections.contract';
export * from './vector/vector-explore.contract';
export * from './vector/point-filter';
export * from './vector/vector-points.contract';
export * from './vector/vector-snapshots.contract';
export * from './vector/vector-search.contract';
export * from './subjects/subject-map';
export * from './validation/nested-object';
