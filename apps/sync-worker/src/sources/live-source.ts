import type { Logger } from '@aip/platform';
import type { SourceWriter } from './source-writer';

/** What a running source may use: its writer, what it wrote before, its checkpoint, its status. */
export interface SourceContext {
  readonly id: string;
  readonly collection: string;
  readonly writer: SourceWriter;
  readonly logger: Logger;
  /** Ids of the documents this source has written and not removed (of one group, or all). */
  known(group?: string): Promise<Set<string>>;
  checkpoint<T>(): Promise<T | undefined>;
  saveCheckpoint(value: unknown): Promise<void>;
  /** Counts `count` change events and stamps last_event_at. */
  events(count: number): void;
  /** The source cannot reach what it mirrors (it keeps retrying): state `failed` with the error. */
  failed(error: string): void;
  /** It reaches it again: state `running`. */
  recovered(): void;
}

/** One running source. start() returns once the source is watching (its first sync may go on). */
export interface LiveSource {
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** How long a source waits before trying again after an error: doubling, capped. */
export function backoffMs(attempt: number, baseMs = 500, maxMs = 30_000): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempt - 1), maxMs);
}
