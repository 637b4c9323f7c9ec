import { readFileSync } from 'node:fs';
import { DOCUMENT_PATH_VARIABLE } from './global-setup';
import { ResponseChecker, type OpenApiDocumentLike } from './response-checker';

/**
 * Every e2e test file runs with this: each reply of a gateway, to the tests' own requests and to
 * those of the official clients they drive (which call the same global fetch), is checked against
 * the OpenAPI document, and the file fails listing each reply that the document does not describe.
 * A gateway reply is told from another server's by the X-Request-Id header the platform's HTTP
 * layer sets (vector-engine's Qdrant API does not).
 */
const checker = new ResponseChecker(
  JSON.parse(readFileSync(process.env[DOCUMENT_PATH_VARIABLE]!, 'utf8')) as OpenApiDocumentLike,
);
const problems = new Map<string, number>();
const reading = new Set<Promise<void>>();
const fetchUnchecked = globalThis.fetch;
/** Bodies with a schema to check: JSON, and the events of SSE and NDJSON streams. */
const CHECKED_BODIES = /json|text\/event-stream/i;
/** A stream a test left open past its end is not waited for longer than this. */
const BODY_WAIT_MS = 5_000;

function record(problem: string | undefined): void {
  if (problem !== undefined) problems.set(problem, (problems.get(problem) ?? 0) + 1);
}

globalThis.fetch = async function fetchAndCheck(input, init) {
  const response = await fetchUnchecked(input, init);
  if (response.headers.get('x-request-id') === null) return response;
  const request = typeof input === 'object' && 'url' in input ? input : undefined;
  const observed = {
    method: init?.method ?? request?.method ?? 'GET',
    url: request?.url ?? String(input),
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    body: '',
  };
  if (!CHECKED_BODIES.test(observed.contentType)) {
    record(checker.problemWith(observed));
    return response;
  }
  const read = response
    .clone()
    .text()
    .then(
      (body) => record(checker.problemWith({ ...observed, body })),
      // The test aborted the body it asked for: what came is not the whole reply.
      () => undefined,
    )
    .finally(() => reading.delete(read));
  reading.add(read);
  return response;
};

afterAll(async () => {
  await Promise.race([
    Promise.all(reading),
    new Promise((resolve) => setTimeout(resolve, BODY_WAIT_MS).unref()),
  ]);
  globalThis.fetch = fetchUnchecked;
  if (problems.size === 0) return;
  const lines = [...problems].map(([problem, times]) => `  ${problem} (×${times})`);
  throw new Error(`gateway replies the OpenAPI document does not describe:\n${lines.join('\n')}`);
});
