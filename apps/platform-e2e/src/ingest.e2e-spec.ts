import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { v5 as uuidv5 } from 'uuid';
import { CHUNK_ID_NAMESPACE } from '@aip/contracts';
import { waitFor, workspaceRoot } from '@aip/platform';
import { startTestStack, type TestStack } from '@aip/testing';
import { httpJson, type ErrorBodyShape } from './http';

interface Report {
  job_id: string;
  state: string;
  progress: number;
  target_collection?: string;
  counts: {
    documents: number;
    chunks: number;
    embedded: number;
    upserted: number;
    skipped: number;
    deleted: number;
    failed: number;
    errors: { source_uid: string; error: string }[];
  };
}
interface Point {
  id: string;
  payload: Record<string, unknown>;
}

const paragraph = (topic: string, i: number) =>
  `Paragraph ${i} is about ${topic}. It explains how ${topic} behaves in practice and why it matters. `;
const longText = (topic: string, paragraphs: number) =>
  Array.from({ length: paragraphs }, (_, i) => paragraph(topic, i)).join('');

describe('bulk ingestion through the sync worker (processes, real NATS, Redis and vector-engine)', () => {
  let platform: TestStack;
  const call = <T>(method: string, path: string, body?: unknown) =>
    httpJson<T>(`${platform.gatewayUrl}${path}`, {
      method,
      headers: { Authorization: `Bearer ${platform.adminKey}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const finished = (jobId: string) =>
    waitFor(
      async () => {
        const { body } = await call<Report>('GET', `/api/v1/ingest/jobs/${jobId}`);
        return ['completed', 'failed', 'cancelled'].includes(body.state) ? body : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 100, what: `job ${jobId} to finish` },
    );
  const ingest = async (body: object): Promise<Report> => {
    const accepted = await call<{ job_id: string }>('POST', '/api/v1/ingest', body);
    expect(accepted.status).toBe(202);
    return finished(accepted.body.job_id);
  };
  const pointsOf = async (collection: string, sourceUid?: string): Promise<Point[]> => {
    const filter = sourceUid
      ? { must: [{ key: 'source_uid', match: { value: sourceUid } }] }
      : undefined;
    const { body } = await call<{ points: Point[] }>('POST', '/api/v1/vectors/scroll', {
      collection,
      filter,
      limit: 1000,
    });
    return body.points;
  };
  const newCollection = async (name: string) => {
    const created = await call('POST', '/api/v1/collections', { name, model: 'default' });
    expect(created.status).toBe(201);
    return name;
  };

  beforeAll(async () => {
    platform = await startTestStack({
      apps: ['vector-engine', 'embedding', 'vector', 'sync-worker', 'gateway'],
      env: {
        EMBEDDING_MODELS: JSON.stringify({
          default: { provider: 'glove-sif' },
          alt: { provider: 'glove-sif' },
        }),
        SYNC_WORKER_BATCH_CHUNKS: '32',
      },
    });
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
  });

  const documents = [
    {
      source_uid: 'notes.txt',
      text: longText('glaciers', 40),
      type: 'text',
      metadata: { team: 'geo' },
    },
    {
      source_uid: 'guide.md',
      text: '# Guide\nIntro to the guide.\n## Install\nRun the installer on a laptop.\n## Usage\nCall the API to search.',
      type: 'markdown',
    },
    {
      source_uid: 'tool.py',
      text: 'import os\n\ndef list_files(root):\n    return os.listdir(root)\n\nclass Walker:\n    pass\n',
      type: 'code',
      language: 'python',
    },
  ];

  it('chunks, embeds and stores documents under deterministic ids, searchable when the job completes', async () => {
    const collection = await newCollection(`ingest_${Date.now()}`);
    const report = await ingest({ collection, documents });
    expect(report.state).toBe('completed');
    expect(report.progress).toBe(100);
    const points = await pointsOf(collection);
    expect(report.counts).toMatchObject({
      documents: 3,
      chunks: points.length,
      embedded: points.length,
      upserted: points.length,
      skipped: 0,
      failed: 0,
    });
    expect(points.filter((p) => p.payload['source_uid'] === 'notes.txt').length).toBeGreaterThan(1);
    expect(points.filter((p) => p.payload['source_uid'] === 'guide.md')).toHaveLength(3);
    for (const point of points) {
      const { source, source_uid, chunk_index } = point.payload;
      expect(point.id).toBe(
        uuidv5(JSON.stringify([source, source_uid, chunk_index]), CHUNK_ID_NAMESPACE),
      );
      expect(point.payload['content_sha256']).toMatch(/^[0-9a-f]{64}$/);
      expect(point.payload).toMatchObject({ source: 'api', embedding_model: 'default' });
    }
    const notes = points.find((p) => p.payload['source_uid'] === 'notes.txt')!;
    expect(notes.payload['team']).toBe('geo');
    const code = points.find((p) => p.payload['source_uid'] === 'tool.py')!;
    expect(code.payload).toMatchObject({ language: 'python', symbols: ['list_files', 'Walker'] });
    const hits = await call<{ points: Point[] }>('POST', '/api/v1/vectors/search', {
      collection,
      text: 'how do I install it',
      top_k: 1,
      mode: 'keyword',
    });
    expect(hits.body.points[0]!.payload['headings']).toEqual(['Guide', 'Install']);
  });

  it('changes nothing when the same documents come again, and replaces exactly the chunks of a changed one', async () => {
    const collection = await newCollection(`ingest_again_${Date.now()}`);
    const first = await ingest({ collection, documents });
    const again = await ingest({ collection, documents });
    expect(again.counts).toMatchObject({
      chunks: first.counts.chunks,
      skipped: first.counts.chunks,
      embedded: 0,
      upserted: 0,
      deleted: 0,
    });
    const before = await pointsOf(collection, 'notes.txt');
    const shorter = longText('glaciers', 12) + 'A new closing sentence.';
    const changed = await ingest({
      collection,
      documents: [{ ...documents[0], text: shorter }, documents[1], documents[2]],
    });
    const after = await pointsOf(collection, 'notes.txt');
    expect(after.length).toBeLessThan(before.length);
    expect(changed.counts.deleted).toBe(before.length - after.length);
    expect(changed.counts.skipped).toBe(changed.counts.chunks - changed.counts.upserted);
    expect(
      after.map((p) => p.payload['chunk_index']).sort((a, b) => Number(a) - Number(b)),
    ).toEqual(after.map((_, i) => i));
    expect(after.at(-1)?.payload['text']).toBeDefined();
    expect(after.some((p) => String(p.payload['text']).includes('A new closing sentence.'))).toBe(
      true,
    );
    expect(await pointsOf(collection, 'guide.md')).toHaveLength(3);
  });

  it('fails a malformed document alone, naming what is wrong, and ingests the rest', async () => {
    const collection = await newCollection(`ingest_bad_${Date.now()}`);
    const report = await ingest({
      collection,
      documents: [
        { source_uid: 'good', text: 'A well formed document about rivers.' },
        { source_uid: 'numeric', text: 42 },
        { text: 'no id at all' },
        { source_uid: 'weird', text: 'x', type: 'pdf' },
      ],
    });
    expect(report.state).toBe('completed');
    expect(report.counts.failed).toBe(3);
    expect(report.counts.errors).toEqual([
      { source_uid: 'numeric', error: 'text must be a string' },
      { source_uid: '(missing source_uid)', error: 'source_uid must be a non-empty string' },
      { source_uid: 'weird', error: 'type must be one of text, markdown, code' },
    ]);
    expect((await pointsOf(collection)).map((p) => p.payload['source_uid'])).toEqual(['good']);
  });

  it('refuses requests over the named limits, unknown collections and bad chunking before queueing', async () => {
    const collection = await newCollection(`ingest_limits_${Date.now()}`);
    const tooMany = await call<ErrorBodyShape>('POST', '/api/v1/ingest', {
      collection,
      documents: Array.from({ length: 1001 }, (_, i) => ({ source_uid: `d${i}`, text: 'x' })),
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toContain('MAX_INGEST_DOCUMENTS');
    const tooLong = await call<ErrorBodyShape>('POST', '/api/v1/ingest', {
      collection,
      documents: [{ source_uid: 'big', text: 'y'.repeat(200_001) }],
    });
    expect(tooLong.status).toBe(413);
    expect(tooLong.body.error.message).toContain(
      'documents[0].text has 200001 characters; at most 200000 (MAX_DOCUMENT_CHARS)',
    );
    const unknown = await call<ErrorBodyShape>('POST', '/api/v1/ingest', {
      collection: 'no_such_collection',
      documents: [{ source_uid: 'a', text: 'x' }],
    });
    expect(unknown.status).toBe(404);
    const overlap = await call<ErrorBodyShape>('POST', '/api/v1/ingest', {
      collection,
      documents: [{ source_uid: 'a', text: 'x' }],
      chunking: { max_tokens: 40, overlap_tokens: 60 },
    });
    expect(overlap.status).toBe(400);
    expect(overlap.body.error.message).toContain(
      'chunking.overlap_tokens (60) must be less than chunking.max_tokens (40)',
    );
    const missing = await call<ErrorBodyShape>(
      'GET',
      '/api/v1/ingest/jobs/ingest-00000000000000000000000000000000',
    );
    expect(missing.status).toBe(404);
  });

  it('cancels a running job between batches', async () => {
    const collection = await newCollection(`ingest_cancel_${Date.now()}`);
    const big = Array.from({ length: 300 }, (_, i) => ({
      source_uid: `c${i}`,
      text: longText(`topic ${i}`, 8),
    }));
    const accepted = await call<{ job_id: string }>('POST', '/api/v1/ingest', {
      collection,
      documents: big,
      chunking: { max_tokens: 30, overlap_tokens: 0 },
    });
    const cancelled = await call<Report>('DELETE', `/api/v1/ingest/jobs/${accepted.body.job_id}`);
    expect(cancelled.status).toBe(200);
    const report = await finished(accepted.body.job_id);
    expect(report.state).toBe('cancelled');
    expect(report.counts.chunks).toBeLessThan(big.length * 8);
    const again = await call<ErrorBodyShape>(
      'DELETE',
      `/api/v1/ingest/jobs/${accepted.body.job_id}`,
    );
    expect(again.status).toBe(409);
  });

  it('reindexes into a new collection behind an alias while searches keep working', async () => {
    const collection = await newCollection(`reindex_${Date.now()}`);
    const docs = Array.from({ length: 60 }, (_, i) => ({
      source_uid: `r${i}`,
      text: longText(`subject ${i}`, 6),
    }));
    await ingest({ collection, documents: docs });
    const count = (await pointsOf(collection)).length;
    const search = () =>
      call<{ points: Point[] }>('POST', '/api/v1/vectors/search', {
        collection,
        text: 'subject 7 in practice',
        top_k: 3,
      });

    // First reindex: the plain collection becomes an alias; only the swap instant may miss.
    const reindex = async (model: string) => {
      const statuses: number[] = [];
      const accepted = await call<{ job_id: string }>(
        'POST',
        `/api/v1/collections/${collection}/reindex`,
        { model },
      );
      expect(accepted.status).toBe(202);
      let done: Report | undefined;
      void finished(accepted.body.job_id).then((r) => (done = r));
      while (!done) statuses.push((await search()).status);
      return { report: done as Report, statuses };
    };
    const first = await reindex('alt');
    expect(first.report.state).toBe('completed');
    expect(first.report.target_collection).toBe(`${collection}__v1`);
    expect(first.report.counts).toMatchObject({ chunks: count, upserted: count, failed: 0 });
    expect(first.statuses.filter((s) => s !== 200).length).toBeLessThanOrEqual(1);
    const info = await call<{ model: string; points_count: number }>(
      'GET',
      `/api/v1/collections/${collection}`,
    );
    expect(info.body).toMatchObject({ model: 'alt', points_count: count });
    expect((await search()).body.points[0]!.payload['embedding_model']).toBe('alt');

    // Later reindexes swap the alias atomically: not one search fails.
    const second = await reindex('default');
    expect(second.report.target_collection).toBe(`${collection}__v2`);
    expect(second.statuses.length).toBeGreaterThan(0);
    expect(second.statuses.every((s) => s === 200)).toBe(true);
    expect((await search()).body.points[0]!.payload['embedding_model']).toBe('default');
    const names = await call<{ collections: { name: string }[] } | string[]>(
      'GET',
      '/api/v1/collections',
    );
    expect(JSON.stringify(names.body)).not.toContain(`${collection}__v1`);
  });

  it('imports a JSONL file of texts and one of vectors with the importer, summarising what failed', async () => {
    const collection = await newCollection(`import_${Date.now()}`);
    const dir = mkdtempSync(join(tmpdir(), 'aip-import-'));
    const run = (file: string) =>
      promisify(execFile)(process.execPath, [
        join(workspaceRoot(__dirname), 'tools/importer/dist/main.js'),
        file,
        '--collection',
        collection,
        '--gateway',
        platform.gatewayUrl,
        '--key',
        platform.adminKey,
      ]).catch((error: { code: number; stdout: string }) => ({
        code: error.code,
        stdout: error.stdout,
      }));
    try {
      const texts = join(dir, 'texts.jsonl');
      writeFileSync(
        texts,
        [
          JSON.stringify({
            source_uid: 'alpha',
            text: 'Alpine lakes freeze in winter.',
            metadata: { region: 'alps' },
          }),
          JSON.stringify({ text: 'Deserts are dry and hot by day.' }),
          '{not json',
          JSON.stringify({ source_uid: 'empty', text: '   ' }),
          JSON.stringify({ text: 'Rainforests hold many species.' }),
        ].join('\n'),
      );
      const textRun = (await run(texts)) as { code?: number; stdout: string };
      expect(textRun.code).toBe(1);
      expect(textRun.stdout).toMatch(/total: +5\n/);
      expect(textRun.stdout).toMatch(/succeeded: +3\n/);
      expect(textRun.stdout).toMatch(/failed: +2\n/);
      expect(textRun.stdout).toMatch(/time per item: +[\d.]+ ms/);
      expect(textRun.stdout).toContain('line 3: not valid JSON');
      expect(textRun.stdout).toContain('line 4: text must not be empty');
      const uids = (await pointsOf(collection)).map((p) => p.payload['source_uid']).sort();
      expect(uids).toEqual(['alpha', 'texts.jsonl:2', 'texts.jsonl:5']);

      const vectors = join(dir, 'vectors.jsonl');
      const unit = (i: number) => Array.from({ length: 100 }, (_, d) => (d === i ? 1 : 0));
      writeFileSync(
        vectors,
        [
          JSON.stringify({ id: 1001, vector: unit(0), payload: { kind: 'precomputed' } }),
          JSON.stringify({ vector: unit(1), payload: { kind: 'precomputed' } }),
          JSON.stringify({ id: 1003, vector: [1, 2, 3] }),
        ].join('\n'),
      );
      const vectorRun = (await run(vectors)) as { code?: number; stdout: string };
      expect(vectorRun.stdout).toMatch(/succeeded: +2\n/);
      expect(vectorRun.stdout).toContain('line 3: ');
      expect(vectorRun.stdout).toContain('3 dimensions');
      const stored = await call<{ payload: Record<string, unknown> }>(
        'GET',
        `/api/v1/vectors/1001?collection=${collection}`,
      );
      expect(stored.body.payload['kind']).toBe('precomputed');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports queue depth, job durations and failures in the sync worker metrics', async () => {
    const metrics = await httpJson<string>(`${platform.stack.url('sync-worker')}/metrics`);
    expect(metrics.body).toMatch(/aip_queue_jobs\{queue="ingest",state="completed"\} [1-9]/);
    expect(metrics.body).toMatch(
      /aip_queue_job_duration_seconds_count\{queue="ingest",outcome="completed"\} [1-9]/,
    );
    expect(metrics.body).toContain('aip_queue_jobs_failed_total');
  });
});
