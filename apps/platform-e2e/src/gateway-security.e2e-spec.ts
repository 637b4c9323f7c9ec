import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { waitFor } from '@aip/platform';
import { hashApiKey, issueApiKey } from '@aip/rbac';
import { startTestStack, type TestStack } from '@aip/testing';
import { httpJson, type ErrorBodyShape } from './http';

const JWT_SECRET = 'e2e-jwt-secret-with-at-least-32-characters';

describe('gateway security: API keys, JWT, logs and audit (gateway process, real NATS and Redis)', () => {
  let platform: TestStack;
  const reader = issueApiKey();
  const expired = issueApiKey();
  const operator = issueApiKey();
  const secrets: string[] = [reader.key, expired.key, operator.key];

  const whoami = (headers: Record<string, string>) =>
    httpJson<Record<string, unknown> & ErrorBodyShape>(
      `${platform.gatewayUrl}/api/v1/auth/whoami`,
      {
        headers,
      },
    );

  beforeAll(async () => {
    const keysFile = join(
      process.env['TMPDIR'] ?? '/tmp',
      `aip-keys-${process.pid}-${Date.now()}.yaml`,
    );
    writeFileSync(
      keysFile,
      [
        'keys:',
        `  - { id: e2e-reader, hash: "${hashApiKey(reader.key)}", role: reader, tenant: acme, collections: [docs] }`,
        `  - { id: e2e-expired, hash: "${hashApiKey(expired.key)}", role: writer, expires_at: "2020-01-01T00:00:00Z" }`,
        `  - { id: e2e-operator, key: "${operator.key}", role: operator }`,
      ].join('\n'),
    );
    platform = await startTestStack({
      apps: ['gateway'],
      env: { GATEWAY_KEYS_FILE: keysFile, GATEWAY_JWT_SECRET: JWT_SECRET, LOG_LEVEL: 'debug' },
    });
    secrets.push(platform.adminKey);
  }, 60_000);

  afterAll(async () => {
    await platform?.stop();
  });

  it('accepts file keys as X-API-Key and as Bearer, with their role, tenant and collections', async () => {
    const forms: Record<string, string>[] = [
      { 'X-API-Key': reader.key },
      { Authorization: `Bearer ${reader.key}` },
    ];
    for (const headers of forms) {
      const { status, body } = await whoami(headers);
      expect(status).toBe(200);
      expect(body).toMatchObject({
        id: 'e2e-reader',
        role: 'reader',
        tenant: 'acme',
        collections: ['docs'],
      });
    }
  });

  it('refuses missing, unknown and expired keys with 401 in the error shape', async () => {
    expect((await whoami({})).status).toBe(401);
    const unknown = await whoami({ 'X-API-Key': issueApiKey().key });
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.code).toBe('UNAUTHENTICATED');
    const old = await whoami({ 'X-API-Key': expired.key });
    expect(old.status).toBe(401);
    expect(old.body.error.message).toContain('expired');
  });

  it('creates a runtime key shown once, lists keys without secrets, and revokes it', async () => {
    const admin = {
      Authorization: `Bearer ${platform.adminKey}`,
      'Content-Type': 'application/json',
    };
    const created = await httpJson<{ id: string; key: string; role: string }>(
      `${platform.gatewayUrl}/api/v1/admin/keys`,
      {
        method: 'POST',
        headers: admin,
        body: JSON.stringify({
          role: 'writer',
          name: 'e2e runtime',
          rate_limit: { requests_per_minute: 100 },
        }),
      },
    );
    expect(created.status).toBe(201);
    secrets.push(created.body.key);
    expect((await whoami({ 'X-API-Key': created.body.key })).body).toMatchObject({
      id: created.body.id,
      role: 'writer',
    });
    const listed = await httpJson<{ keys: Record<string, unknown>[] }>(
      `${platform.gatewayUrl}/api/v1/admin/keys`,
      { headers: admin },
    );
    const text = JSON.stringify(listed.body);
    expect(text).toContain(created.body.id);
    expect(text).not.toContain(created.body.key);
    expect(text).not.toContain('sha256$');
    const revoked = await httpJson(`${platform.gatewayUrl}/api/v1/admin/keys/${created.body.id}`, {
      method: 'DELETE',
      headers: admin,
    });
    expect(revoked.status).toBe(204);
    expect((await whoami({ 'X-API-Key': created.body.key })).status).toBe(401);
    const bad = await httpJson<ErrorBodyShape>(`${platform.gatewayUrl}/api/v1/admin/keys`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({ role: 'superuser' }),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('role');
  });

  it('accepts HS256 JWTs with role, tenant and collections claims, and refuses forged ones', async () => {
    const sign = (secret: string) =>
      new SignJWT({ role: 'writer', tenant: 'globex', collections: ['a', 'b'] })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('alice')
        .setExpirationTime('5m')
        .sign(new TextEncoder().encode(secret));
    const token = await sign(JWT_SECRET);
    secrets.push(token);
    expect((await whoami({ Authorization: `Bearer ${token}` })).body).toMatchObject({
      id: 'jwt:alice',
      role: 'writer',
      tenant: 'globex',
      collections: ['a', 'b'],
    });
    expect(
      (
        await whoami({
          Authorization: `Bearer ${await sign('another-secret-with-at-least-32-characters!')}`,
        })
      ).status,
    ).toBe(401);
  });

  it('answers 403 naming the permission, accounts usage per key id, and requires metrics:view for /metrics', async () => {
    const forbidden = await httpJson<ErrorBodyShape>(
      `${platform.gatewayUrl}/api/v1/analytics/usage`,
      { headers: { 'X-API-Key': reader.key } },
    );
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.details).toMatchObject({
      permission: 'analytics:view',
      role: 'reader',
    });
    const usage = await httpJson<{ keys: { key_id: string; requests: number; errors: number }[] }>(
      `${platform.gatewayUrl}/api/v1/analytics/usage`,
      { headers: { 'X-API-Key': operator.key } },
    );
    expect(usage.status).toBe(200);
    expect(usage.body.keys.find((k) => k.key_id === 'e2e-reader')).toMatchObject({
      errors: expect.any(Number),
    });
    expect((await httpJson(`${platform.gatewayUrl}/metrics`)).status).toBe(401);
    const metrics = await httpJson<string>(`${platform.gatewayUrl}/metrics`, {
      headers: { 'X-API-Key': operator.key },
    });
    expect(metrics.body).toContain('aip_key_requests_total{key_id="e2e-reader"');
  });

  it("refuses /metrics (every tenant's figures) to a tenant-scoped key, whatever its role", async () => {
    const created = await httpJson<{ key: string }>(`${platform.gatewayUrl}/api/v1/admin/keys`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${platform.adminKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ role: 'operator', tenant: 'initech' }),
    });
    expect(created.status).toBe(201);
    secrets.push(created.body.key);
    const metrics = await httpJson<ErrorBodyShape>(`${platform.gatewayUrl}/metrics`, {
      headers: { 'X-API-Key': created.body.key },
    });
    expect(metrics.status).toBe(403);
    expect(metrics.body.error.message).toContain('reports on every tenant');
  });

  it('refuses JWTs that never expire or live longer than GATEWAY_JWT_MAX_LIFETIME_SECONDS', async () => {
    const key = new TextEncoder().encode(JWT_SECRET);
    const forever = await new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('mallory')
      .sign(key);
    const noExp = await whoami({ Authorization: `Bearer ${forever}` });
    expect(noExp.status).toBe(401);
    expect(noExp.body.error.message).toContain('no exp claim');
    const year = await new SignJWT({ role: 'admin' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('mallory')
      .setIssuedAt()
      .setExpirationTime('365d')
      .sign(key);
    const long = await whoami({ Authorization: `Bearer ${year}` });
    expect(long.status).toBe(401);
    expect(long.body.error.message).toContain('at most 86400 s');
  });

  it('gives a collection-scoped key 403 for other collections, in the path, the query and the body', async () => {
    const headers = { 'X-API-Key': reader.key, 'Content-Type': 'application/json' };
    const inPath = await httpJson<ErrorBodyShape>(
      `${platform.gatewayUrl}/api/v1/collections/other`,
      { headers },
    );
    expect(inPath.status).toBe(403);
    expect(inPath.body.error.message).toContain('collection other');
    const inQuery = await httpJson(`${platform.gatewayUrl}/api/v1/vectors/1?collection=other`, {
      headers,
    });
    expect(inQuery.status).toBe(403);
    const inBody = await httpJson(`${platform.gatewayUrl}/api/v1/vectors/search`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ collection: 'other', vector: [1, 2] }),
    });
    expect(inBody.status).toBe(403);
    // Its own collection passes the scope check (what follows depends on the vector service).
    const own = await httpJson(`${platform.gatewayUrl}/api/v1/collections/docs`, { headers });
    expect([401, 403]).not.toContain(own.status);
  });

  it('sends security headers', async () => {
    const { headers } = await whoami({ 'X-API-Key': reader.key });
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('x-frame-options')).toBeTruthy();
    expect(headers.get('x-powered-by')).toBeNull();
  });

  it('writes an audit line for admin actions and never logs keys, tokens or Authorization headers', async () => {
    const logFile = platform.stack.process('gateway').options.logFile;
    const log = await waitFor(
      async () => {
        const text = readFileSync(logFile, 'utf8');
        return text.includes('"audit":true') ? text : undefined;
      },
      { timeoutMs: 3000, what: 'an audit line' },
    );
    const audit = log
      .split('\n')
      .filter((line) => line.includes('"audit":true'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(audit).toContainEqual(
      expect.objectContaining({
        actor: 'bootstrap-admin',
        action: 'POST /api/v1/admin/keys',
        outcome: 201,
      }),
    );
    expect(audit).toContainEqual(
      expect.objectContaining({ action: 'DELETE /api/v1/admin/keys/:id', outcome: 204 }),
    );
    for (const secret of secrets) expect(log.includes(secret)).toBe(false);
    expect(log).not.toMatch(/authorization/i);
  });
});
