import { Injectable } from '@nestjs/common';
import { ErrorCode, PlatformError, type IngestCounts, type PointInput } from '@aip/contracts';
import { DEFAULT_CHUNK_SETTINGS, type ChunkSettings } from '../chunking/chunk-settings';
import { chunkDocument } from '../chunking/document-chunker';
import { SyncWorkerConfig } from '../config/sync-worker.config';
import { chunkId, contentSha256 } from './chunk-identity';
import { documentProblem } from './document-check';
import { DocumentSink, type SourceDocument } from './document-sink';
import { emptyCounts, PreparedDocument } from './prepared-document';
import { ReindexGate } from './reindex-gate';
import { VectorStoreClient } from '../clients/vector-store.client';

/** Most document ids one delete-by-filter names. */
const MAX_UIDS_PER_DELETE = 1000;

export interface SinkOptions {
  /** Written to tenant_id and part of the chunk ids. */
  tenant?: string;
  chunking?: ChunkSettings;
  /** Called after each batch is stored, with the counts so far and the documents done. */
  onBatch?: (counts: IngestCounts, documentsDone: number) => Promise<void>;
}

/**
 * The ingest pipeline's sink: documents are chunked, each chunk gets its deterministic id, and
 * only chunks whose content_sha256 differs from the stored one are embedded (by the vector
 * service, with the collection's model and keyword vectors) and written. Chunks past a changed
 * document's new end are deleted. Work goes in batches of SYNC_WORKER_BATCH_CHUNKS chunks.
 */
@Injectable()
export class VectorDocumentSink extends DocumentSink {
  constructor(
    private readonly store: VectorStoreClient,
    private readonly config: SyncWorkerConfig,
    private readonly gate: ReindexGate,
  ) {
    super();
  }

  upsert(collection: string, source: string, documents: SourceDocument[]): Promise<IngestCounts> {
    return this.write(collection, source, documents);
  }

  async write(
    collection: string,
    source: string,
    documents: unknown[],
    options: SinkOptions = {},
  ): Promise<IngestCounts> {
    const counts = emptyCounts();
    counts.documents = documents.length;
    const settings = options.chunking ?? DEFAULT_CHUNK_SETTINGS;
    const seen = new Set<string>();
    let batch: PreparedDocument[] = [];
    let batchChunks = 0;
    let done = 0;
    const flush = async (): Promise<void> => {
      if (batch.length > 0) await this.storeBatch(collection, batch, counts, options.tenant);
      done += batch.length;
      batch = [];
      batchChunks = 0;
      await options.onBatch?.(counts, done);
    };
    for (const value of documents) {
      const prepared = this.prepare(value, source, settings, options.tenant, seen);
      if (typeof prepared === 'string') {
        counts.failed++;
        counts.errors.push({ source_uid: uidOf(value), error: prepared });
        done++;
        continue;
      }
      batch.push(prepared);
      batchChunks += prepared.points.length;
      if (batchChunks >= this.config.SYNC_WORKER_BATCH_CHUNKS) await flush();
    }
    await flush();
    return counts;
  }

  async remove(
    collection: string,
    source: string,
    sourceUids: string[],
    tenant?: string,
  ): Promise<number> {
    let deleted = 0;
    await this.gate.waitUntilOpen(collection);
    for (let at = 0; at < sourceUids.length; at += MAX_UIDS_PER_DELETE) {
      deleted += await this.store.deleteWhere(
        collection,
        {
          must: [
            { key: 'source', match: { value: source } },
            { key: 'source_uid', match: { any: sourceUids.slice(at, at + MAX_UIDS_PER_DELETE) } },
          ],
        },
        tenant,
      );
    }
    return deleted;
  }

  /** The document's chunks as points, or what is wrong with it. */
  private prepare(
    value: unknown,
    source: string,
    settings: ChunkSettings,
    tenant: string | undefined,
    seen: Set<string>,
  ): PreparedDocument | string {
    const problem = documentProblem(value);
    if (problem) return problem;
    const given = value as SourceDocument;
    const document: SourceDocument = { ...given, type: given.type ?? 'text' };
    if (seen.has(document.source_uid))
      return `source_uid ${document.source_uid} appears more than once in this job`;
    seen.add(document.source_uid);
    const chunks = chunkDocument(document, settings);
    const points = chunks.map((chunk, index): PointInput => {
      const payload = {
        ...chunk.metadata,
        source,
        source_uid: document.source_uid,
        chunk_index: index,
      };
      return {
        id: chunkId(source, document.source_uid, index, tenant),
        text: chunk.text,
        payload: { ...payload, content_sha256: contentSha256(chunk.text, payload) },
      };
    });
    return new PreparedDocument(
      document.source_uid,
      source,
      points,
      chunkId(source, document.source_uid, points.length, tenant),
    );
  }

  /**
   * One batch: read back what is stored at the chunks' ids (and one id past each document's end),
   * write what changed, delete the tails of documents that got shorter. A batch the vector
   * service refuses as invalid is retried document by document, so one bad document fails alone.
   */
  private async storeBatch(
    collection: string,
    batch: PreparedDocument[],
    counts: IngestCounts,
    tenant: string | undefined,
  ): Promise<void> {
    await this.gate.waitUntilOpen(collection);
    try {
      await this.storeDocuments(collection, batch, counts, tenant);
    } catch (error) {
      if (
        !(error instanceof PlatformError) ||
        error.code !== ErrorCode.ValidationFailed ||
        batch.length === 1
      )
        throw error;
      for (const document of batch) {
        try {
          await this.storeDocuments(collection, [document], counts, tenant);
        } catch (single) {
          if (!(single instanceof PlatformError) || single.code !== ErrorCode.ValidationFailed)
            throw single;
          counts.failed++;
          counts.errors.push({ source_uid: document.sourceUid, error: single.message });
        }
      }
    }
  }

  private async storeDocuments(
    collection: string,
    batch: PreparedDocument[],
    counts: IngestCounts,
    tenant: string | undefined,
  ): Promise<void> {
    const ids = batch.flatMap((d) => [...d.points.map((p) => p.id!), d.pastEndId]);
    const stored = new Map(
      (await this.store.get(collection, ids, tenant)).map((p) => [String(p.id), p.payload]),
    );
    const changed = batch.flatMap((d) =>
      d.points.filter(
        (p) => stored.get(String(p.id))?.['content_sha256'] !== p.payload!['content_sha256'],
      ),
    );
    for (let at = 0; at < changed.length; at += this.config.SYNC_WORKER_BATCH_CHUNKS) {
      const slice = changed.slice(at, at + this.config.SYNC_WORKER_BATCH_CHUNKS);
      const { embedded } = await this.store.upsert(collection, slice, tenant);
      counts.embedded += embedded;
      counts.upserted += slice.length;
    }
    const shortened = batch.filter((d) => stored.has(d.pastEndId));
    if (shortened.length > 0)
      counts.deleted += await this.store.deleteWhere(collection, pastEndFilter(shortened), tenant);
    const chunks = batch.reduce((n, d) => n + d.points.length, 0);
    counts.chunks += chunks;
    counts.skipped += chunks - changed.length;
  }
}

/** Chunks at or past each shortened document's new end. */
function pastEndFilter(documents: PreparedDocument[]): Record<string, unknown> {
  return {
    must: [{ key: 'source', match: { value: documents[0]!.source } }],
    should: documents.map((d) => ({
      must: [
        { key: 'source_uid', match: { value: d.sourceUid } },
        { key: 'chunk_index', range: { gte: d.points.length } },
      ],
    })),
  };
}

function uidOf(value: unknown): string {
  const uid = (value as { source_uid?: unknown } | null)?.source_uid;
  return typeof uid === 'string' ? uid : '(missing source_uid)';
}
