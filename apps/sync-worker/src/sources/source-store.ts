import type { Redis } from 'ioredis';
import type { SourceCounts, SourceInfo, SourceKind, SourceState } from '@aip/contracts';

/** Where sources live in Redis, so a restarted sync-worker resumes every one of them. */
export const SOURCES_KEY_PREFIX = 'aip:sync:sources';

/** What defines a source: kept across restarts, changed only by add and remove. */
export interface SourceDefinition {
  id: string;
  kind: SourceKind;
  collection: string;
  settings: Record<string, unknown>;
  origin: 'api' | 'file';
  created_at: string;
  paused: boolean;
}

export type CountName = keyof SourceCounts;
const COUNT_NAMES: CountName[] = [
  'events',
  'upserted',
  'removed',
  'chunks_embedded',
  'chunks_skipped',
  'failed',
];

/**
 * Definitions, status (counts, state, last error), the ids of the documents each source has
 * written (to find what disappeared while nobody watched) and each source's checkpoint.
 */
export class SourceStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = SOURCES_KEY_PREFIX,
  ) {}

  async definitions(): Promise<SourceDefinition[]> {
    const all = await this.redis.hgetall(this.prefix);
    return Object.values(all).map((json) => JSON.parse(json) as SourceDefinition);
  }

  async saveDefinition(definition: SourceDefinition): Promise<void> {
    await this.redis.hset(this.prefix, definition.id, JSON.stringify(definition));
  }

  /** Forgets the source: its definition, status, written ids and checkpoint. */
  async forget(id: string): Promise<void> {
    await this.redis.hdel(this.prefix, id);
    await this.redis.del(this.statusKey(id), this.uidsKey(id), this.checkpointKey(id));
  }

  async count(id: string, counts: Partial<Record<CountName, number>>): Promise<void> {
    const pipeline = this.redis.pipeline();
    for (const [name, value] of Object.entries(counts))
      if (value) pipeline.hincrby(this.statusKey(id), name, value);
    await pipeline.exec();
  }

  async setStatus(
    id: string,
    fields: { state?: SourceState; last_error?: string | null; last_event_at?: string },
  ): Promise<void> {
    const values: Record<string, string> = {};
    for (const [name, value] of Object.entries(fields))
      if (value !== undefined) values[name] = value ?? '';
    if (Object.keys(values).length > 0) await this.redis.hset(this.statusKey(id), values);
  }

  async info(definition: SourceDefinition): Promise<SourceInfo> {
    const status = await this.redis.hgetall(this.statusKey(definition.id));
    const counts = Object.fromEntries(
      COUNT_NAMES.map((name) => [name, Number(status[name] ?? 0)]),
    ) as unknown as SourceCounts;
    const running: SourceState = status['state'] === 'failed' ? 'failed' : 'running';
    return {
      id: definition.id,
      kind: definition.kind,
      collection: definition.collection,
      // Names of what the operator declared and what narrows them: never a path, URL or secret.
      settings: definition.settings,
      state: definition.paused ? 'paused' : running,
      last_error: status['last_error'] || null,
      counts,
      last_event_at: status['last_event_at'] || null,
      origin: definition.origin,
      created_at: definition.created_at,
    };
  }

  /** Records documents written (uid → group, e.g. a Kubernetes kind) and removed. */
  async written(id: string, upserted: Map<string, string>, removed: string[]): Promise<void> {
    const pipeline = this.redis.pipeline();
    if (upserted.size > 0) pipeline.hset(this.uidsKey(id), Object.fromEntries(upserted));
    if (removed.length > 0) pipeline.hdel(this.uidsKey(id), ...removed);
    await pipeline.exec();
  }

  /** The ids of the documents the source has written and not removed, of one group or all. */
  async known(id: string, group?: string): Promise<Set<string>> {
    const all = await this.redis.hgetall(this.uidsKey(id));
    return new Set(
      Object.entries(all)
        .filter(([, g]) => group === undefined || g === group)
        .map(([uid]) => uid),
    );
  }

  async checkpoint<T>(id: string): Promise<T | undefined> {
    const json = await this.redis.get(this.checkpointKey(id));
    return json === null ? undefined : (JSON.parse(json) as T);
  }

  async saveCheckpoint(id: string, value: unknown): Promise<void> {
    await this.redis.set(this.checkpointKey(id), JSON.stringify(value));
  }

  private statusKey(id: string): string {
    return `${this.prefix}:${id}:status`;
  }
  private uidsKey(id: string): string {
    return `${this.prefix}:${id}:uids`;
  }
  private checkpointKey(id: string): string {
    return `${this.prefix}:${id}:checkpoint`;
  }
}
