import { Reflector } from '@nestjs/core';
import { ErrorCode } from '@aip/contracts';
import { createLogger, loadConfig } from '@aip/platform';
import { GatewayConfig } from '../config/gateway.config';
import { AccessRoutes } from '../testing/access-routes';
import { guardCall, type RequestParts } from '../testing/guard-context';
import { rejectionOf } from '../testing/refusals';
import { TestRedis } from '../testing/test-redis';
import { AuthenticationGuard } from './authentication.guard';
import { Authenticator } from './authenticator.service';
import type { AuthenticatedRequest } from './credentials';
import { KeyStore } from './key-store.service';

const logger = createLogger({ service: 'gateway-test', version: 'test', level: 'silent' });

describe('AuthenticationGuard (real authenticator and key store on Redis)', () => {
  const testRedis = new TestRedis();
  let keys: KeyStore;

  async function guardWith(env: NodeJS.ProcessEnv = {}): Promise<AuthenticationGuard> {
    const config = loadConfig(GatewayConfig, env);
    keys = new KeyStore(config, testRedis.redis, logger);
    const authenticator = new Authenticator(config, keys);
    await authenticator.onModuleInit();
    return new AuthenticationGuard(new Reflector(), authenticator, config);
  }

  async function activate(
    guard: AuthenticationGuard,
    handler: keyof AccessRoutes & string,
    parts?: RequestParts,
  ): Promise<AuthenticatedRequest> {
    const { context, request } = guardCall(AccessRoutes, handler, parts);
    await expect(guard.canActivate(context)).resolves.toBe(true);
    return request;
  }

  afterAll(async () => {
    await testRedis.cleanup();
  });

  it('lets anyone through to a public route, without looking for credentials', async () => {
    const guard = await guardWith();
    expect((await activate(guard, 'open')).principal).toBeUndefined();
    const withBadKey = await activate(guard, 'open', { headers: { 'x-api-key': 'nonsense' } });
    expect(withBadKey.principal).toBeUndefined();
  });

  it('refuses a protected route without credentials with 401 saying how to send them', async () => {
    const guard = await guardWith();
    for (const handler of ['me', 'insert'] as const) {
      const error = await rejectionOf(guard.canActivate(guardCall(AccessRoutes, handler).context));
      expect(error.code).toBe(ErrorCode.Unauthenticated);
      expect(error.message).toBe(
        'Credentials required: send Authorization: Bearer <key or token> or X-API-Key',
      );
    }
  });

  it('refuses an unknown key with 401', async () => {
    const guard = await guardWith();
    const { context } = guardCall(AccessRoutes, 'me', { headers: { 'x-api-key': 'nonsense' } });
    const error = await rejectionOf(guard.canActivate(context));
    expect(error.code).toBe(ErrorCode.Unauthenticated);
    expect(error.message).toBe('Invalid API key');
  });

  it('puts the caller of a valid key on the request, from X-API-Key or a Bearer header', async () => {
    const guard = await guardWith();
    const { record, key } = await keys.create({ role: 'reader', tenant: 'acme' });
    const forms: Record<string, string>[] = [
      { 'x-api-key': key },
      { authorization: `Bearer ${key}` },
    ];
    for (const headers of forms) {
      const request = await activate(guard, 'insert', { headers });
      expect(request.principal).toMatchObject({ id: record.id, role: 'reader', tenant: 'acme' });
    }
  });

  it('refuses a route that declares no access with 403 before asking for credentials', async () => {
    const guard = await guardWith();
    const { key } = await keys.create({ role: 'admin' });
    const forms: Record<string, string>[] = [{}, { 'x-api-key': key }];
    for (const headers of forms) {
      const { context } = guardCall(AccessRoutes, 'undeclared', { headers });
      const error = await rejectionOf(guard.canActivate(context));
      expect(error.code).toBe(ErrorCode.Forbidden);
      expect(error.message).toBe('This route declares no permission and is closed');
    }
  });

  it('makes every caller an admin when authentication is disabled', async () => {
    const guard = await guardWith({ GATEWAY_AUTH_MODE: 'disabled' });
    expect((await activate(guard, 'insert')).principal).toEqual({
      id: 'auth-disabled',
      kind: 'auth-disabled',
      role: 'admin',
      permissions: ['admin'],
    });
  });

  it('leaves calls that are not HTTP to others', async () => {
    const guard = await guardWith();
    const { context } = guardCall(AccessRoutes, 'insert');
    context.setType('rpc');
    await expect(guard.canActivate(context)).resolves.toBe(true);
  });
});
