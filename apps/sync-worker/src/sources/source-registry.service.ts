import {
  Inject,
  Injectable,
  Optional,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { Redis } from 'ioredis';
import {
  ErrorCode,
  PlatformError,
  type AddSourceRequest,
  type SourceInfo,
  type SourceRemoved,
} from '@aip/contracts';
import { LOGGER, REDIS, type Logger } from '@aip/platform';
import { SyncWorkerConfig } from '../config/sync-worker.config';
import { DocumentSink } from '../ingest/document-sink';
import type { LiveSource, SourceContext } from './live-source';
import { checkSettings, createSource } from './source-factory';
import { sourceRuntime } from './source-runtime';
import { SOURCES_KEY_PREFIX, SourceStore, type SourceDefinition } from './source-store';
import { readSourcesFile } from './sources-file';
import { NO_TARGETS, type SourceTargets } from './source-targets';

/** Overrides where sources live in Redis (tests keep theirs apart from running workers'). */
export const SOURCES_PREFIX = Symbol('SOURCES_PREFIX');

interface Running {
  source: LiveSource;
  context: SourceContext;
}

/**
 * The live sources of this worker: kept in Redis (so a restart resumes each one where it
 * stopped) and seeded from SYNC_SOURCES_FILE at boot. Assumes one sync-worker runs the sources.
 */
@Injectable()
export class SourceRegistry implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly store: SourceStore;
  private readonly running = new Map<string, Running>();
  private targets: SourceTargets = NO_TARGETS;

  constructor(
    @Inject(REDIS) redis: Redis,
    private readonly sink: DocumentSink,
    private readonly config: SyncWorkerConfig,
    @Inject(LOGGER) private readonly logger: Logger,
    @Optional() @Inject(SOURCES_PREFIX) prefix: string = SOURCES_KEY_PREFIX,
  ) {
    this.store = new SourceStore(redis, prefix);
  }

  async onApplicationBootstrap(): Promise<void> {
    const definitions = new Map((await this.store.definitions()).map((d) => [d.id, d]));
    const file =
      this.config.SYNC_SOURCES_FILE === undefined
        ? undefined
        : readSourcesFile(this.config.SYNC_SOURCES_FILE);
    this.targets = file?.targets ?? NO_TARGETS;
    for (const entry of file?.sources ?? []) {
      await checkSettings(entry.kind, entry.settings ?? {}, this.targets);
      const definition = this.define(entry, 'file', definitions.get(entry.id));
      await this.store.saveDefinition(definition);
      definitions.set(definition.id, definition);
    }
    for (const definition of definitions.values())
      if (!definition.paused) await this.launch(definition);
    this.logger.info({ sources: definitions.size }, 'live sources loaded');
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.running.keys()].map((id) => this.halt(id)));
  }

  async list(id?: string): Promise<SourceInfo[]> {
    const definitions = await this.store.definitions();
    const chosen = definitions
      .filter((definition) => id === undefined || definition.id === id)
      .sort((a, b) => a.id.localeCompare(b.id));
    if (id !== undefined && chosen.length === 0) throw this.notFound(id);
    return Promise.all(chosen.map((definition) => this.store.info(definition)));
  }

  async add(request: AddSourceRequest): Promise<SourceInfo> {
    if ((await this.find(request.id)) !== undefined)
      throw new PlatformError(ErrorCode.Conflict, `Source ${request.id} already exists`);
    await checkSettings(request.kind, request.settings ?? {}, this.targets);
    const definition = this.define(request, 'api');
    await this.store.saveDefinition(definition);
    await this.launch(definition);
    return this.store.info(definition);
  }

  async pause(id: string): Promise<SourceInfo> {
    const definition = await this.require(id);
    definition.paused = true;
    await this.store.saveDefinition(definition);
    await this.halt(id);
    return this.store.info(definition);
  }

  async resume(id: string): Promise<SourceInfo> {
    const definition = await this.require(id);
    definition.paused = false;
    await this.store.saveDefinition(definition);
    if (!this.running.has(id)) await this.launch(definition);
    return this.store.info(definition);
  }

  /** Stops the source and forgets it; its documents are deleted unless keepDocuments. */
  async remove(id: string, keepDocuments = false): Promise<SourceRemoved> {
    const definition = await this.require(id);
    await this.halt(id);
    let chunksDeleted = 0;
    if (!keepDocuments) {
      const known = [...(await this.store.known(id))];
      if (known.length > 0)
        chunksDeleted = await this.sink.remove(definition.collection, id, known);
    }
    await this.store.forget(id);
    return { id, chunks_deleted: chunksDeleted };
  }

  /** Resolves once every change the source has seen so far is written (used by tests). */
  async drained(id: string): Promise<void> {
    await this.running.get(id)?.context.writer.drain();
  }

  private define(
    request: AddSourceRequest,
    origin: SourceDefinition['origin'],
    previous?: SourceDefinition,
  ): SourceDefinition {
    return {
      id: request.id,
      kind: request.kind,
      collection: request.collection,
      settings: request.settings ?? {},
      origin,
      created_at: previous?.created_at ?? new Date().toISOString(),
      paused: previous?.paused ?? false,
    };
  }

  private async launch(definition: SourceDefinition): Promise<void> {
    const context = sourceRuntime(definition, this.store, this.sink, this.logger);
    let source: LiveSource;
    try {
      source = await createSource(definition.kind, definition.settings, this.targets, context);
    } catch (error) {
      // Kept from before the operator changed what sources may reach: it waits, failed, until
      // it is removed or the settings declare its target again.
      await this.store.setStatus(definition.id, {
        state: 'failed',
        last_error: (error as Error).message,
      });
      return;
    }
    this.running.set(definition.id, { source, context });
    await this.store.setStatus(definition.id, { state: 'running', last_error: null });
    // Not awaited: a first sync can take long (a big folder, a slow API server), and the add
    // request answers at once; each source retries its own failures.
    void source.start().catch((error: Error) => context.failed(error.message));
  }

  private async halt(id: string): Promise<void> {
    const running = this.running.get(id);
    if (running === undefined) return;
    this.running.delete(id);
    await running.source.stop();
    await running.context.writer.stop();
  }

  private async find(id: string): Promise<SourceDefinition | undefined> {
    return (await this.store.definitions()).find((definition) => definition.id === id);
  }

  private async require(id: string): Promise<SourceDefinition> {
    const definition = await this.find(id);
    if (definition === undefined) throw this.notFound(id);
    return definition;
  }

  private notFound(id: string): PlatformError {
    return new PlatformError(ErrorCode.NotFound, `Source ${id} does not exist`);
  }
}
