import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appEntry, ManagedProcess, reservePort, waitFor } from '@aip/platform';

const dir = mkdtempSync(join(tmpdir(), 'aip-tls-'));

function get(
  port: number,
  path: string,
  headers: Record<string, string>,
  ca: Buffer,
  method = 'GET',
) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined> }>(
    (resolve, reject) => {
      const req = httpsRequest(
        { host: '127.0.0.1', port, path, method, headers, ca, servername: 'localhost' },
        (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
        },
      );
      req.on('error', reject);
      req.end();
    },
  );
}

describe('gateway over HTTPS with CORS (gateway process, self-signed certificate made by openssl)', () => {
  let gateway: ManagedProcess;
  let port: number;
  let ca: Buffer;

  beforeAll(async () => {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=DNS:localhost',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    ca = readFileSync(join(dir, 'cert.pem'));
    port = await reservePort();
    gateway = new ManagedProcess({
      name: 'gateway-tls',
      command: process.execPath,
      args: [appEntry('gateway')],
      env: {
        HOST: '127.0.0.1',
        GATEWAY_PORT: String(port),
        // Each test run on the machine may have a NATS and Redis of its own.
        NATS_URL: process.env['AIP_TEST_NATS_URL'],
        REDIS_URL: process.env['AIP_TEST_REDIS_URL'],
        GATEWAY_TLS_CERT_FILE: join(dir, 'cert.pem'),
        GATEWAY_TLS_KEY_FILE: join(dir, 'key.pem'),
        GATEWAY_CORS_ORIGINS: 'https://app.example.com',
        GATEWAY_ADMIN_KEY: 'tls-admin-key-0123456789abcdef',
      },
      logFile: join(dir, 'gateway.log'),
    });
    gateway.start();
    await waitFor(
      async () => ((await get(port, '/health/live', {}, ca)).status === 200 ? true : undefined),
      {
        timeoutMs: 30_000,
        what: 'the HTTPS gateway',
      },
    );
  }, 60_000);

  afterAll(async () => {
    await gateway?.stop();
  });

  it('serves HTTPS with the configured certificate', async () => {
    const response = await get(
      port,
      '/api/v1/auth/whoami',
      { Authorization: 'Bearer tls-admin-key-0123456789abcdef' },
      ca,
    );
    expect(response.status).toBe(200);
    expect(response.headers['strict-transport-security']).toBeDefined();
  });

  it('allows the configured origin in CORS preflight and not others', async () => {
    const allowed = await get(
      port,
      '/api/v1/auth/whoami',
      { Origin: 'https://app.example.com', 'Access-Control-Request-Method': 'GET' },
      ca,
      'OPTIONS',
    );
    expect(allowed.headers['access-control-allow-origin']).toBe('https://app.example.com');
    const other = await get(
      port,
      '/api/v1/auth/whoami',
      { Origin: 'https://evil.example.com', 'Access-Control-Request-Method': 'GET' },
      ca,
      'OPTIONS',
    );
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });
});
