import { waitFor } from '@aip/platform';
import { startTestStack, type TestStack } from '@aip/testing';
import { httpJson } from './http';

interface Report {
  job_id: string;
  state: string;
  progress: number;
  attempts: number;
  counts: { documents: number; chunks: number; failed: number; skipped: number };
}
interface Page {
  points: { id: string; payload: { source_uid: string; chunk_index: number } }[];
  next_offset: string | null;
}

const DOCUMENTS = 400;
const largeJob = (collection: string, topic: string) => ({
  collection,
  documents: Array.from({ length: DOCUMENTS }, (_, i) => ({
    source_uid: `${topic}-${i}`,
    text: Array.from(
      { length: 8 },
      (_, p) =>
        `Part ${p} of record ${i} describes ${topic} in some detail, with numbers like ${i * p}. `,
    ).join(''),
  })),
  chunking: { max_tokens: 30, overlap_tokens: 0 },
});

describe('ingestion survives crashes and outages (processes, real NATS, Redis and vector-engine)', () => {
  let platform: TestStack;
  const call = <T>(method: string, path: string, body?: unknown) =>
    httpJson<T>(`${platform.gatewayUrl}${path}`, {
      method,
      headers: { Authorization: `Bearer ${platform.adminKey}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  /** Polls the report; answers other than 200 (the sync worker is down) are waited out. */
  const reportWhen = (jobId: string, done: (r: Report) => boolean, timeoutMs = 90_000) =>
    waitFor(
      async () => {
        const { status, body } = await call<Report>('GET', `/api/v1/ingest/jobs/${jobId}`).catch(
          () => ({ status: 0, body: undefined }),
        );
        return status === 200 && body && done(body) ? body : undefined;
      },
      { timeoutMs, intervalMs: 50, what: `job ${jobId}` },
    );
  const start = async (topic: string) => {
    const collection = `reliable_${topic}_${Date.now()}`;
    expect(
      (await call('POST', '/api/v1/collections', { name: collection, model: 'default' })).status,
    ).toBe(201);
    const accepted = await call<{ job_id: string }>(
      'POST',
      '/api/v1/ingest',
      largeJob(collection, topic),
    );
    expect(accepted.status).toBe(202);
    await reportWhen(accepted.body.job_id, (r) => r.state === 'active' && r.progress >= 10);
    return { collection, jobId: accepted.body.job_id };
  };
  /** Every stored chunk, checked to be there once: each document's indexes run 0..n-1. */
  const expectEveryChunkOnce = async (collection: string, report: Report) => {
    const seen = new Map<string, number[]>();
    let offset: string | null = null;
    let total = 0;
    do {
      const { body }: { body: Page } = await call<Page>('POST', '/api/v1/vectors/scroll', {
        collection,
        limit: 1000,
        ...(offset ? { offset } : {}),
      });
      for (const p of body.points) {
        seen.set(p.payload.source_uid, [
          ...(seen.get(p.payload.source_uid) ?? []),
          p.payload.chunk_index,
        ]);
        total++;
      }
      offset = body.next_offset;
    } while (offset);
    expect(seen.size).toBe(DOCUMENTS);
    for (const indexes of seen.values())
      expect(indexes.sort((a, b) => a - b)).toEqual(indexes.map((_, i) => i));
    expect(total).toBe(report.counts.chunks);
    const info = await call<{ points_count: number }>('GET', `/api/v1/collections/${collection}`);
    expect(info.body.points_count).toBe(total);
  };

  beforeAll(async () => {
    platform = await startTestStack({
      apps: ['vector-engine', 'embedding', 'vector', 'sync-worker', 'gateway'],
      env: {
        SYNC_WORKER_BATCH_CHUNKS: '32',
        // A killed worker's job is taken over within seconds, and retries come quickly.
        SYNC_WORKER_LOCK_MS: '2000',
        SYNC_WORKER_JOB_BACKOFF_MS: '300',
        EMBEDDING_MODELS: JSON.stringify({
          default: { provider: 'glove-sif' },
          alt: { provider: 'glove-sif' },
        }),
      },
    });
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  });

  it('completes a job whose worker was SIGKILLed mid-way, every chunk present exactly once', async () => {
    const { collection, jobId } = await start('killed');
    await platform.stack.process('sync-worker').kill('SIGKILL');
    platform.stack.start('sync-worker');
    await platform.stack.waitReady('sync-worker');
    const report = await reportWhen(jobId, (r) => r.state === 'completed' || r.state === 'failed');
    expect(report.state).toBe('completed');
    expect(report.counts).toMatchObject({ documents: DOCUMENTS, failed: 0 });
    await expectEveryChunkOnce(collection, report);
  }, 120_000);

  it('retries a job while vector-engine is down and completes it once it is back', async () => {
    const { collection, jobId } = await start('outage');
    await platform.stack.process('vector-engine').stop(5000);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    platform.stack.start('vector-engine');
    await platform.stack.waitReady('vector-engine');
    const report = await reportWhen(jobId, (r) => r.state === 'completed' || r.state === 'failed');
    expect(report.state).toBe('completed');
    expect(report.attempts).toBeGreaterThan(1);
    await expectEveryChunkOnce(collection, report);
  }, 120_000);

  it('lets the job in flight finish on SIGTERM before the worker exits', async () => {
    const { collection, jobId } = await start('drained');
    await platform.stack.process('sync-worker').stop(30_000);
    platform.stack.start('sync-worker');
    await platform.stack.waitReady('sync-worker');
    const report = await reportWhen(jobId, () => true);
    expect(report.state).toBe('completed');
    expect(report.attempts).toBe(1);
    await expectEveryChunkOnce(collection, report);
  }, 120_000);

  it('resumes a reindex whose worker was SIGKILLed mid-copy, and swaps with every point copied once', async () => {
    const { collection, jobId } = await start('reindexed');
    const ingested = await reportWhen(jobId, (r) => r.state === 'completed');
    const accepted = await call<{ job_id: string }>(
      'POST',
      `/api/v1/collections/${collection}/reindex`,
      {
        model: 'alt',
      },
    );
    expect(accepted.status).toBe(202);
    await reportWhen(accepted.body.job_id, (r) => r.state === 'active' && r.progress >= 10);
    await platform.stack.process('sync-worker').kill('SIGKILL');
    platform.stack.start('sync-worker');
    await platform.stack.waitReady('sync-worker');
    const report = await reportWhen(
      accepted.body.job_id,
      (r) => r.state === 'completed' || r.state === 'failed',
    );
    expect(report.state).toBe('completed');
    expect(report.counts.chunks).toBe(ingested.counts.chunks);
    const info = await call<{ model: string; points_count: number }>(
      'GET',
      `/api/v1/collections/${collection}`,
    );
    expect(info.body).toMatchObject({ model: 'alt', points_count: ingested.counts.chunks });
    await expectEveryChunkOnce(collection, ingested);
  }, 120_000);
});
