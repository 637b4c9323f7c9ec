import {
  checkIngestSize,
  DEFAULT_INGEST_SOURCE,
  ErrorCode,
  PlatformError,
  type ChunkingOptions,
  type IngestRequest,
} from '@aip/contracts';
import { DEFAULT_CHUNK_SETTINGS, type ChunkSettings } from '../chunking/chunk-settings';
import type { IngestJob } from './ingest.job';

export function chunkSettings(options: ChunkingOptions | undefined): ChunkSettings {
  const settings: ChunkSettings = {
    maxTokens: options?.max_tokens ?? DEFAULT_CHUNK_SETTINGS.maxTokens,
    overlapTokens: options?.overlap_tokens ?? DEFAULT_CHUNK_SETTINGS.overlapTokens,
    codeMaxTokens: options?.code_max_tokens ?? DEFAULT_CHUNK_SETTINGS.codeMaxTokens,
  };
  if (settings.overlapTokens >= settings.maxTokens)
    throw new PlatformError(
      ErrorCode.ValidationFailed,
      `chunking.overlap_tokens (${settings.overlapTokens}) must be less than chunking.max_tokens (${settings.maxTokens})`,
    );
  return settings;
}

/** The job an ingest request becomes; the request as a whole is checked against its limits. */
export function ingestJob(request: IngestRequest): IngestJob {
  checkIngestSize(request.documents);
  return {
    data: {
      collection: request.collection,
      source: request.source ?? DEFAULT_INGEST_SOURCE,
      ...(request.tenant !== undefined ? { tenant: request.tenant } : {}),
      document_count: request.documents.length,
      chunking: chunkSettings(request.chunking),
    },
    documents: request.documents,
  };
}
