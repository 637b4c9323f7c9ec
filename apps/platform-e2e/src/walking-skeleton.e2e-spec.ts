import { readFileSync } from 'node:fs';
import { ALL_APPS, waitFor, type AppName } from '@aip/platform';
import { startTestStack, type TestStack } from '@aip/testing';
import {
  httpJson,
  waitForPlatformHealth,
  type ErrorBodyShape,
  type PlatformHealthShape,
} from './http';

const NATS_SERVICES = ['inference', 'embedding', 'vector', 'sync-worker'];

describe('walking skeleton: every app as a real process on the machine NATS and Redis', () => {
  let platform: TestStack;

  beforeAll(async () => {
    // Debug level so each service logs the NATS requests it handles, with their request ids.
    platform = await startTestStack({ env: { LOG_LEVEL: 'debug' } });
  }, 90_000);

  afterAll(async () => {
    await platform?.stop();
  });

  it('reports every service up with its version and latency', async () => {
    const { status, body } = await httpJson<PlatformHealthShape>(
      `${platform.gatewayUrl}/api/v1/health`,
    );
    expect(status).toBe(200);
    expect(body.status).toBe('ok');
    expect(Object.keys(body.services).sort()).toEqual([...NATS_SERVICES].sort());
    for (const service of NATS_SERVICES) {
      expect(body.services[service]).toMatchObject({ status: 'up', version: '0.1.0' });
      expect(body.services[service].latencyMs).toBeGreaterThan(0);
    }
  });

  it('serves /health/live, /health/ready and /metrics on every app', async () => {
    for (const app of ALL_APPS) {
      const base = platform.stack.url(app);
      expect((await httpJson(`${base}/health/live`)).status).toBe(200);
      const ready = await httpJson<{ ready: boolean; service: string }>(`${base}/health/ready`);
      expect(ready.status).toBe(200);
      expect(ready.body).toMatchObject({ ready: true, service: app });
      // The gateway faces users: its metrics need the metrics:view permission.
      const metrics = await httpJson<string>(`${base}/metrics`, {
        headers: app === 'gateway' ? { Authorization: `Bearer ${platform.adminKey}` } : {},
      });
      expect(metrics.status).toBe(200);
      expect(metrics.body).toContain('process_cpu_user_seconds_total');
      expect(metrics.body).toContain(
        'aip_requests_total{transport="http",route="/health/ready",outcome="success"}',
      );
    }
  });

  it('counts NATS requests per subject in each service', async () => {
    await httpJson(`${platform.gatewayUrl}/api/v1/health`);
    const metrics = await httpJson<string>(`${platform.stack.url('vector')}/metrics`);
    expect(metrics.body).toMatch(
      /aip_requests_total\{transport="nats",route="vector.health.v1",outcome="success"\} [1-9]/,
    );
  });

  it('carries the caller request id through NATS into every service log', async () => {
    const requestId = `e2e-${Date.now()}`;
    const response = await httpJson(`${platform.gatewayUrl}/api/v1/health`, {
      headers: { 'X-Request-Id': requestId },
    });
    expect(response.headers.get('x-request-id')).toBe(requestId);
    for (const service of NATS_SERVICES) {
      const log = platform.stack.process(service as AppName).options.logFile;
      const line = await waitFor(
        async () =>
          readFileSync(log, 'utf8')
            .split('\n')
            .find((l) => l.includes(`"requestId":"${requestId}"`)),
        { timeoutMs: 3000, what: `the request id in the ${service} log` },
      );
      expect(JSON.parse(line)).toMatchObject({
        service,
        subject: expect.stringMatching(/\.health\.v1$/),
      });
    }
  });

  it('answers malformed JSON with 400 in the error shape', async () => {
    const { status, body } = await httpJson<ErrorBodyShape>(
      `${platform.gatewayUrl}/api/v1/health`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{"collection": ',
      },
    );
    expect(status).toBe(400);
    expect(body.error.code).toBe('MALFORMED_JSON');
    expect(typeof body.requestId).toBe('string');
  });

  it('answers an unknown route with 404 in the error shape', async () => {
    const { status, body } = await httpJson<ErrorBodyShape>(
      `${platform.gatewayUrl}/api/v1/nothing-here`,
    );
    expect(status).toBe(404);
    expect(body).toEqual({
      error: { code: 'NOT_FOUND', message: expect.stringContaining('/api/v1/nothing-here') },
      requestId: expect.any(String),
    });
  });

  it('answers a body over the 1 MB limit with 413 naming the limit', async () => {
    const { status, body } = await httpJson<ErrorBodyShape>(
      `${platform.gatewayUrl}/api/v1/health`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ text: 'x'.repeat(1024 * 1024 + 10) }),
      },
    );
    expect(status).toBe(413);
    expect(body.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(body.error.details).toEqual({ limitBytes: 1024 * 1024 });
  });

  it('publishes OpenAPI docs at /docs and /docs-json', async () => {
    const json = await httpJson<{ openapi: string; paths: Record<string, unknown> }>(
      `${platform.gatewayUrl}/docs-json`,
    );
    expect(json.status).toBe(200);
    expect(json.body.openapi).toMatch(/^3\./);
    expect(Object.keys(json.body.paths)).toContain('/api/v1/health');
    const html = await httpJson<string>(`${platform.gatewayUrl}/docs`);
    expect(html.status).toBe(200);
    expect(html.body).toContain('swagger');
  });

  it('answers 503 naming a SIGKILLed service within 6 s, stays up, and recovers when it restarts', async () => {
    const gateway = platform.stack.process('gateway');
    const embedding = platform.stack.process('embedding');
    await embedding.kill('SIGKILL');
    const killedAt = Date.now();

    const down = await waitForPlatformHealth<ErrorBodyShape>(platform.gatewayUrl, 503, 6000);
    expect(Date.now() - killedAt).toBeLessThan(6000);
    expect(down.body.error.code).toBe('SERVICE_UNAVAILABLE');
    expect(down.body.error.message).toContain('embedding');
    expect(down.body.error.details?.['missing']).toEqual(['embedding']);
    expect(gateway.running).toBe(true);

    platform.stack.start('embedding');
    await platform.stack.waitReady('embedding', 30_000);
    const up = await waitForPlatformHealth(platform.gatewayUrl, 200, 10_000);
    expect(up.status).toBe(200);
  }, 60_000);
});
