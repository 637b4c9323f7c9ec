import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestStack, writeTinyLlama, type TestStack } from '@aip/testing';
import { httpJson, waitForPlatformHealth } from './http';
import { bodyRoutes, type BodyRoute } from './input-fuzz/openapi-routes';
import { fuzzBodies, type FuzzBody } from './input-fuzz/malformed-bodies';
import {
  concretePath,
  routeExamples,
  routeKey,
  type FuzzFixtures,
} from './input-fuzz/route-examples';

/** Same seed, same bodies: a failure reruns with `FUZZ_SEED=<the printed seed>`. */
const SEED = Number(process.env['FUZZ_SEED'] ?? 1_989_417);
const MUTATIONS_PER_ROUTE = 30;
/** Longer than any answer takes (one-token generations); a request past it has hung. */
const REQUEST_TIMEOUT_MS = 10_000;
/** The gateway's default GATEWAY_BODY_LIMIT_BYTES. */
const BODY_LIMIT_BYTES = 1024 * 1024;

interface Sent {
  route: string;
  label: string;
  status: number | 'timeout' | 'no answer';
  /** The start of a 5xx's body: the error the gateway named. */
  answer?: string;
}

describe('input fuzz: malformed bodies on every POST/PUT/PATCH route never get a 5xx (every app as a process, real NATS and Redis)', () => {
  let platform: TestStack;
  let folder: string;
  let settingsDir: string;
  // Unique per run: sources and caches live in Redis, which outlives the run's stack.
  const run = Date.now();
  const fixtures: FuzzFixtures = {
    collection: `fuzz_${run}`,
    pathCollection: `fuzz_${run}_path`,
    snapshot: '',
    pointId: '',
    interactionId: '',
    sourceId: `fuzz-${run}`,
    directory: 'fuzz',
  };

  const call = <T>(method: string, path: string, body?: unknown) =>
    httpJson<T>(`${platform.gatewayUrl}${path}`, {
      method,
      headers: { Authorization: `Bearer ${platform.adminKey}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'aip-fuzz-folder-'));
    settingsDir = mkdtempSync(join(tmpdir(), 'aip-fuzz-settings-'));
    const sourcesFile = join(settingsDir, 'sources.yaml');
    writeFileSync(sourcesFile, `directories:\n  ${fixtures.directory}: ${folder}\n`);
    const modelFile = join(settingsDir, 'tiny.gguf');
    writeTinyLlama(modelFile, { contextLength: 2048 });
    platform = await startTestStack({
      env: {
        INFERENCE_MODEL: modelFile,
        INFERENCE_THREADS: '1',
        SYNC_SOURCES_FILE: sourcesFile,
        // Every request is the admin's: rate limits would answer most of them 429 instead.
        GATEWAY_RATE_LIMIT_RPM: '10000000',
        GATEWAY_TENANT_RATE_LIMIT_RPM: '10000000',
        GATEWAY_TOKENS_PER_MINUTE: '100000000',
      },
    });
    for (const name of [fixtures.collection, fixtures.pathCollection]) {
      expect((await call('POST', '/api/v1/collections', { name, model: 'default' })).status).toBe(
        201,
      );
      const inserted = await call<{ ids: string[] }>('POST', '/api/v1/vectors/batch', {
        collection: name,
        points: ['a garden tap', 'an oak table', 'a brass lamp'].map((text) => ({
          text,
          payload: { source: 'fixture.md' },
        })),
      });
      expect(inserted.status).toBe(201);
      if (name === fixtures.collection) fixtures.pointId = inserted.body.ids[0]!;
    }
    const snapshot = await call<{ name: string }>(
      'POST',
      `/api/v1/collections/${fixtures.pathCollection}/snapshot`,
    );
    expect(snapshot.status).toBe(201);
    fixtures.snapshot = snapshot.body.name;
    const answer = await call<{ interaction_id: string }>('POST', '/api/v1/rag/query', {
      question: 'What is in the garden?',
      collection: fixtures.collection,
      max_tokens: 1,
    });
    expect(answer.status).toBe(200);
    fixtures.interactionId = answer.body.interaction_id;
    const source = await call('POST', '/api/v1/sources', {
      id: fixtures.sourceId,
      kind: 'directory',
      collection: fixtures.collection,
      settings: { directory: fixtures.directory },
    });
    expect(source.status).toBe(201);
  }, 120_000);

  afterAll(async () => {
    if (platform) {
      for (const id of [fixtures.sourceId, `${fixtures.sourceId}-new`]) {
        await call('DELETE', `/api/v1/sources/${id}`);
      }
      const keys = await call<{ keys: { id: string; name?: string }[] }>(
        'GET',
        '/api/v1/admin/keys',
      );
      for (const key of keys.body.keys.filter((k) => k.name === fixtures.collection)) {
        await call('DELETE', `/api/v1/admin/keys/${key.id}`);
      }
      await platform.stop();
    }
    rmSync(folder, { recursive: true, force: true });
    rmSync(settingsDir, { recursive: true, force: true });
  });

  async function send(route: BodyRoute, fuzz: FuzzBody): Promise<Sent> {
    const sent = { route: routeKey(route), label: fuzz.label };
    try {
      const response = await fetch(`${platform.gatewayUrl}${concretePath(route, fixtures)}`, {
        method: route.method,
        headers: { Authorization: `Bearer ${platform.adminKey}`, 'Content-Type': fuzz.contentType },
        body: fuzz.body,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      const answer = await response.text();
      return response.status >= 500
        ? { ...sent, status: response.status, answer: answer.slice(0, 300) }
        : { ...sent, status: response.status };
    } catch (error) {
      const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
      return { ...sent, status: timedOut ? 'timeout' : 'no answer' };
    }
  }

  it('answers every malformed body with a 4xx (or a 2xx where it is still valid), in time', async () => {
    const routes = await bodyRoutes(platform.gatewayUrl);
    const examples = routeExamples(fixtures);
    expect(routes.length).toBeGreaterThan(20);
    const queue = routes.flatMap((route, index) =>
      fuzzBodies(examples[routeKey(route)] ?? route.schemaSample ?? {}, {
        seed: SEED + index,
        mutations: MUTATIONS_PER_ROUTE,
        bodyLimitBytes: BODY_LIMIT_BYTES,
      }).map((fuzz) => ({ route, fuzz })),
    );
    // One at a time: a 5xx is then the doing of its own body, and the same seed finds it again
    // (concurrent requests would add load and timing that no seed replays).
    const results: Sent[] = [];
    for (const { route, fuzz } of queue) results.push(await send(route, fuzz));

    const failed = results.filter((r) => typeof r.status !== 'number' || r.status >= 500);
    const serverErrors = failed.filter((r) => typeof r.status === 'number').length;
    const withoutExample = routes.filter(
      (route) => route.schemaSample !== undefined && examples[routeKey(route)] === undefined,
    );
    process.stdout.write(
      `input fuzz (seed ${SEED}): ${results.length} requests to ${routes.length} routes, ` +
        `${serverErrors} answered 5xx, ${failed.length - serverErrors} timed out or unanswered` +
        (withoutExample.length > 0
          ? `; fuzzed from their schema only: ${withoutExample.map(routeKey).join(', ')}`
          : '') +
        '\n',
    );
    expect(failed).toEqual([]);

    const health = await waitForPlatformHealth(platform.gatewayUrl, 200, 10_000);
    expect(health.body.status).toBe('ok');
  }, 120_000);
});
