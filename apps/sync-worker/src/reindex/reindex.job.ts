import type { IngestCounts } from '@aip/contracts';

/** Data of a job on QueueName.Reindex. */
export interface ReindexJobData {
  /** The name readers use: a collection before its first reindex, an alias after. */
  collection: string;
  model: string;
}

/** Saved after every page copied, so an interrupted reindex resumes where it was. */
export interface ReindexProgress {
  percent: number;
  phase: 'copying' | 'swapping' | 'done';
  /** The collection being built. */
  target: string;
  /** The collection being copied: the one behind the name when the reindex began. */
  from: string;
  /** Scroll position of the next page; null when no page was copied yet. */
  offset: string | number | null;
  total: number;
  counts: IngestCounts;
}
