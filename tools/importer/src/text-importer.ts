import { MAX_INGEST_DOCUMENTS, MAX_INGEST_REQUEST_CHARS } from '@aip/contracts';
import { batches } from './batches';
import { errorMessage, type GatewayClient, type GatewayReply } from './gateway-client';
import type { ImportLine, TextDocument } from './import-line';
import type { ImportResult } from './import-result';

type TextLine = Extract<ImportLine, { kind: 'text' }>;

interface JobReport {
  state: string;
  failed_reason?: string;
  counts: { errors: { source_uid: string; error: string }[] };
}

/** Ingest jobs followed at once; each is polled until it finishes. */
const JOBS_IN_FLIGHT = 2;
const POLL_MS = 300;
const RATE_LIMITED_WAIT_MS = 1000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A request again after a 429, as long as the gateway keeps asking to wait. */
async function patiently<T>(send: () => Promise<GatewayReply<T>>): Promise<GatewayReply<T>> {
  for (;;) {
    const reply = await send();
    if (reply.status !== 429) return reply;
    await sleep(RATE_LIMITED_WAIT_MS);
  }
}

/**
 * Texts go through POST /api/v1/ingest in requests within its limits (documents, characters),
 * and each job is followed until it finishes; documents the job reports as failed count as failed.
 */
export async function importTexts(
  gateway: GatewayClient,
  collection: string,
  source: string,
  lines: TextLine[],
  result: ImportResult,
  advance: (items: number) => void,
): Promise<void> {
  const pending = [
    ...batches(
      lines,
      MAX_INGEST_DOCUMENTS,
      MAX_INGEST_REQUEST_CHARS,
      (l) => l.document.text.length,
    ),
  ];
  const worker = async (): Promise<void> => {
    for (let batch = pending.shift(); batch; batch = pending.shift()) {
      await importBatch(gateway, collection, source, batch, result);
      advance(batch.length);
    }
  };
  await Promise.all(Array.from({ length: JOBS_IN_FLIGHT }, worker));
}

async function importBatch(
  gateway: GatewayClient,
  collection: string,
  source: string,
  batch: TextLine[],
  result: ImportResult,
): Promise<void> {
  const documents: TextDocument[] = batch.map((l) => l.document);
  const accepted = await patiently(() =>
    gateway.call<{ job_id: string }>('POST', '/api/v1/ingest', { collection, source, documents }),
  );
  if (accepted.status !== 202) {
    for (const l of batch) result.fail(l.line, errorMessage(accepted));
    return;
  }
  let report: GatewayReply<JobReport>;
  for (;;) {
    report = await patiently(() =>
      gateway.call<JobReport>('GET', `/api/v1/ingest/jobs/${accepted.body.job_id}`),
    );
    if (report.status !== 200 || ['completed', 'failed', 'cancelled'].includes(report.body.state))
      break;
    await sleep(POLL_MS);
  }
  if (report.status !== 200 || report.body.state !== 'completed') {
    const reason =
      report.status === 200
        ? `job ${report.body.state}: ${report.body.failed_reason ?? ''}`
        : errorMessage(report);
    for (const l of batch) result.fail(l.line, reason);
    return;
  }
  const errors = new Map(report.body.counts.errors.map((e) => [e.source_uid, e.error]));
  for (const l of batch) {
    const error = errors.get(l.document.source_uid);
    if (error) result.fail(l.line, error);
    else result.succeeded++;
  }
}
