import type { IngestCounts, PointInput } from '@aip/contracts';

/** A document chunked into the points it should be stored as. */
export class PreparedDocument {
  constructor(
    readonly sourceUid: string,
    readonly source: string,
    readonly points: PointInput[],
    /** The id the chunk just past the end would have: stored only if the document got shorter. */
    readonly pastEndId: string,
  ) {}
}

export function emptyCounts(): IngestCounts {
  return {
    documents: 0,
    chunks: 0,
    embedded: 0,
    upserted: 0,
    skipped: 0,
    deleted: 0,
    failed: 0,
    errors: [],
  };
}
