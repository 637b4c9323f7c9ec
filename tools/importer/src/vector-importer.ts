import { MAX_POINTS_PER_WRITE } from '@aip/contracts';
import { batches } from './batches';
import { errorMessage, type GatewayClient } from './gateway-client';
import type { ImportLine } from './import-line';
import type { ImportResult } from './import-result';

type VectorLine = Extract<ImportLine, { kind: 'vector' }>;

/** JSON characters per request: under the gateway's default 1 MiB body limit. */
const MAX_REQUEST_CHARS = 900_000;
const RATE_LIMITED_WAIT_MS = 1000;

/**
 * Points with precomputed vectors go through POST /api/v1/vectors/batch. A batch the gateway
 * refuses is sent again point by point, so one bad point fails alone.
 */
export async function importVectors(
  gateway: GatewayClient,
  collection: string,
  lines: VectorLine[],
  result: ImportResult,
  advance: (items: number) => void,
): Promise<void> {
  const weight = (l: VectorLine) => JSON.stringify(l.point).length;
  for (const batch of batches(lines, MAX_POINTS_PER_WRITE, MAX_REQUEST_CHARS, weight)) {
    const error = await write(gateway, collection, batch);
    if (error === undefined) result.succeeded += batch.length;
    else if (batch.length === 1) result.fail(batch[0]!.line, error);
    else
      for (const one of batch) {
        const single = await write(gateway, collection, [one]);
        if (single === undefined) result.succeeded++;
        else result.fail(one.line, single);
      }
    advance(batch.length);
  }
}

/** Undefined when written, else why not. */
async function write(
  gateway: GatewayClient,
  collection: string,
  batch: VectorLine[],
): Promise<string | undefined> {
  for (;;) {
    const reply = await gateway.call('POST', '/api/v1/vectors/batch', {
      collection,
      points: batch.map((l) => l.point),
    });
    if (reply.status === 429) {
      await new Promise((resolve) => setTimeout(resolve, RATE_LIMITED_WAIT_MS));
      continue;
    }
    return reply.status < 300 ? undefined : errorMessage(reply);
  }
}
