import { Inject, Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { ErrorCode, PlatformError } from '@aip/contracts';
import { REDIS } from '@aip/platform';

/**
 * Longer than any job waits or retries: the documents of a job that failed for good stay for
 * inspection this long, then go by themselves.
 */
const DOCUMENTS_TTL_SECONDS = 7 * 24 * 3600;

function documentsKey(jobId: string): string {
  return `aip:sync:ingest-documents:${jobId}`;
}

/**
 * An ingest job's documents, kept beside the job rather than in its data. BullMQ reads and
 * parses a job's whole data whenever the job is loaded, and a job's report is loaded on every
 * status poll: with up to MAX_INGEST_REQUEST_CHARS of documents in the data, each poll parsed
 * them all. Only the processor needs them, once per run.
 */
@Injectable()
export class IngestDocuments {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async put(jobId: string, documents: unknown[]): Promise<void> {
    await this.redis.set(
      documentsKey(jobId),
      JSON.stringify(documents),
      'EX',
      DOCUMENTS_TTL_SECONDS,
    );
  }

  async get(jobId: string): Promise<unknown[]> {
    const stored = await this.redis.get(documentsKey(jobId));
    if (stored === null)
      throw new PlatformError(
        ErrorCode.NotFound,
        `The documents of job ${jobId} are gone (kept ${DOCUMENTS_TTL_SECONDS / 3600} h); post them again`,
      );
    return JSON.parse(stored) as unknown[];
  }

  /** A completed job's report needs only its counts. */
  async remove(jobId: string): Promise<void> {
    await this.redis.del(documentsKey(jobId));
  }
}
