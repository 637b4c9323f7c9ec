import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/internal';
import express from 'express';
import { ErrorCode } from '@aip/contracts';
import { createLogger } from '@aip/platform';
import type { Principal } from '@aip/rbac';
import type { AuthenticatedRequest } from '../auth/credentials';
import { AccessRoutes } from '../testing/access-routes';
import { guardCall } from '../testing/guard-context';
import { refusalOf } from '../testing/refusals';
import { TestRedis } from '../testing/test-redis';
import { AuditTrailGuard } from './audit-trail.guard';
import { UsageService } from './usage.service';
import { testPrincipal } from '../testing/test-principal';

interface Exchange {
  handler: keyof AccessRoutes & string;
  principal?: Principal;
  /** The status the call ends with, as a later guard or the handler would set it. */
  status: number;
}

const caller = (): Principal => testPrincipal('writer', { tenant: 'acme' });

/**
 * The guard inside a real HTTP exchange (express, as under Nest), so it sees real route paths,
 * params and bodies and the response really finishes.
 */
describe('AuditTrailGuard (usage on real Redis, audit lines from the real logger)', () => {
  const testRedis = new TestRedis();
  const usage = new UsageService(testRedis.redis);
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({
    service: 'gateway-test',
    version: 'test',
    level: 'info',
    destination: {
      write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>),
    },
  });
  const guard = new AuditTrailGuard(new Reflector(), usage, logger);
  let next: Exchange;
  let finished: Promise<unknown>;
  let url: string;
  const exchange = (req: express.Request, res: express.Response): void => {
    (req as AuthenticatedRequest).principal = next.principal;
    const handler = AccessRoutes.prototype[next.handler];
    guard.canActivate(new ExecutionContextHost([req, res], AccessRoutes, handler));
    // Listeners run in the order added: once this one has, the guard's has too.
    finished = once(res, 'finish');
    res.status(next.status).end();
  };
  const server = express()
    .use(express.json())
    .all('/api/v1/collections/:name/points', exchange)
    .all('/api/v1/points', exchange)
    .listen(0, '127.0.0.1');

  async function call(method: string, path: string, exchange: Exchange, body?: unknown) {
    next = exchange;
    await fetch(`${url}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    await finished;
  }

  const auditLines = () => lines.filter((line) => line['audit'] === true);

  beforeAll(async () => {
    if (!server.listening) await once(server, 'listening');
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  beforeEach(() => {
    lines.length = 0;
  });

  afterAll(async () => {
    server.close();
    await testRedis.cleanup();
  });

  it('accounts each identified call with the status it finally got, refusals included', async () => {
    const principal = caller();
    await call('GET', '/api/v1/points', { handler: 'search', principal, status: 200 });
    await call('GET', '/api/v1/points', { handler: 'search', principal, status: 403 });
    await call('GET', '/api/v1/points', { handler: 'search', principal, status: 429 });
    await expect(usage.report(principal.id)).resolves.toEqual([
      expect.objectContaining({ key_id: principal.id, requests: 3, errors: 2 }),
    ]);
  });

  it('writes an audit line for a write: who, what route, which collection, outcome', async () => {
    const principal = caller();
    await call('POST', '/api/v1/collections/docs/points', {
      handler: 'insert',
      principal,
      status: 201,
    });
    expect(auditLines()).toEqual([
      expect.objectContaining({
        msg: 'audit',
        actor: principal.id,
        actorKind: 'api-key',
        tenant: 'acme',
        action: 'POST /api/v1/collections/:name/points',
        collection: 'docs',
        outcome: 201,
      }),
    ]);
  });

  it('audits refused writes too, taking the collection from the body when the path has none', async () => {
    await call(
      'POST',
      '/api/v1/points',
      { handler: 'insert', principal: caller(), status: 403 },
      {
        collection: 'faq',
      },
    );
    expect(auditLines()).toEqual([
      expect.objectContaining({ action: 'POST /api/v1/points', collection: 'faq', outcome: 403 }),
    ]);
  });

  it('writes no audit line for reads or routes open to any caller, yet accounts them', async () => {
    const principal = caller();
    await call('GET', '/api/v1/points', { handler: 'search', principal, status: 200 });
    await call('GET', '/api/v1/points', { handler: 'me', principal, status: 200 });
    expect(auditLines()).toEqual([]);
    await expect(usage.report(principal.id)).resolves.toEqual([
      expect.objectContaining({ requests: 2, errors: 0 }),
    ]);
  });

  it('accounts nothing on public routes', async () => {
    const before = (await usage.report()).length;
    await call('GET', '/api/v1/points', { handler: 'open', status: 200 });
    expect(await usage.report()).toHaveLength(before);
    expect(auditLines()).toEqual([]);
  });

  it('refuses a protected route reached without a caller with 401 (fail closed)', () => {
    const error = refusalOf(() => guard.canActivate(guardCall(AccessRoutes, 'insert').context));
    expect(error.code).toBe(ErrorCode.Unauthenticated);
  });
});
