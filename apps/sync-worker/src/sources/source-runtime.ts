import type { IngestCounts, SourceState } from '@aip/contracts';
import type { Logger } from '@aip/platform';
import type { DocumentSink } from '../ingest/document-sink';
import type { SourceContext } from './live-source';
import type { SourceDefinition, SourceStore } from './source-store';
import { DEFAULT_WRITER_OPTIONS, SourceWriter, type WriterOptions } from './source-writer';

/**
 * A source's context and writer, with its status kept in the store. Status writes are fire and
 * forget: a Redis hiccup must not stop a source, and the next change writes them again.
 */
export function sourceRuntime(
  definition: SourceDefinition,
  store: SourceStore,
  sink: DocumentSink,
  logger: Logger,
  writerOptions: WriterOptions = DEFAULT_WRITER_OPTIONS,
): SourceContext {
  const { id } = definition;
  let state: SourceState = 'running';
  const quietly = (work: Promise<unknown>) =>
    void work.catch((error: Error) =>
      logger.warn({ source: id, err: error.message }, 'source status not saved'),
    );
  const failed = (error: string) => {
    if (state !== 'failed') logger.warn({ source: id, err: error }, 'source failing, retrying');
    state = 'failed';
    quietly(store.setStatus(id, { state, last_error: error }));
  };
  const recovered = () => {
    if (state === 'running') return;
    logger.info({ source: id }, 'source recovered');
    state = 'running';
    quietly(store.setStatus(id, { state }));
  };
  const writer = new SourceWriter(
    sink,
    definition.collection,
    id,
    {
      async written(upserted: Map<string, string>, removed: string[], counts?: IngestCounts) {
        await store.written(id, upserted, removed);
        await store.count(id, {
          upserted: upserted.size,
          removed: removed.length,
          chunks_embedded: counts?.embedded ?? 0,
          chunks_skipped: counts?.skipped ?? 0,
          failed: counts?.failed ?? 0,
        });
        const rejected = counts?.errors[0];
        if (rejected !== undefined)
          await store.setStatus(id, { last_error: `${rejected.source_uid}: ${rejected.error}` });
        recovered();
      },
      async writeFailed(error: string) {
        failed(`writing to ${definition.collection}: ${error}`);
        await store.count(id, { failed: 1 });
      },
    },
    writerOptions,
  );
  return {
    id,
    collection: definition.collection,
    writer,
    logger,
    known: (group) => store.known(id, group),
    checkpoint: () => store.checkpoint(id),
    saveCheckpoint: (value) => store.saveCheckpoint(id, value),
    events(count: number) {
      if (count === 0) return;
      quietly(store.count(id, { events: count }));
      quietly(store.setStatus(id, { last_event_at: new Date().toISOString() }));
    },
    failed,
    recovered,
  };
}
