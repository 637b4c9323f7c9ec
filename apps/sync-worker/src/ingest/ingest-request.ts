import {
  DEFAULT_INGEST_SOURCE,
  ErrorCode,
  MAX_INGEST_REQUEST_CHARS,
  PlatformError,
  type ChunkingOptions,
  type IngestRequest,
} from '@aip/contracts';
import { DEFAULT_CHUNK_SETTINGS, type ChunkSettings } from '../chunking/chunk-settings';
import type { IngestJobData } from './ingest.job';

function textLength(document: unknown): number {
  const text = (document as { text?: unknown } | null)?.text;
  return typeof text === 'string' ? text.length : 0;
}

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
export function ingestJobData(request: IngestRequest): IngestJobData {
  const chars = request.documents.reduce((sum, d) => sum + textLength(d), 0);
  if (chars > MAX_INGEST_REQUEST_CHARS)
    throw new PlatformError(
      ErrorCode.PayloadTooLarge,
      `documents hold ${chars} characters of text; one request may hold at most ${MAX_INGEST_REQUEST_CHARS} (MAX_INGEST_REQUEST_CHARS): split it`,
      { limit: MAX_INGEST_REQUEST_CHARS, got: chars },
    );
  return {
    collection: request.collection,
    source: request.source ?? DEFAULT_INGEST_SOURCE,
    ...(request.tenant !== undefined ? { tenant: request.tenant } : {}),
    documents: request.documents,
    chunking: chunkSettings(request.chunking),
  };
}
