import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { ErrorCode } from '@aip/contracts';
import { createLogger, loadConfig } from '@aip/platform';
import { DEFAULT_ROLE_PERMISSIONS, hashApiKey, issueApiKey, parseApiKey } from '@aip/rbac';
import { GatewayConfig } from '../config/gateway.config';
import { rejectionOf } from '../testing/refusals';
import { TestRedis } from '../testing/test-redis';
import { Authenticator } from './authenticator.service';
import { KeyStore } from './key-store.service';

const logger = createLogger({ service: 'gateway-test', version: 'test', level: 'silent' });
const dir = mkdtempSync(join(tmpdir(), 'aip-authenticator-'));
const JWT_SECRET = 'authenticator-spec-secret-of-32-characters';
const ADMIN_KEY = 'authenticator-spec-bootstrap-admin-key';

function jwt(
  claims: Record<string, unknown>,
  { secret = JWT_SECRET, subject = 'alice', expires = '5m' as string | number } = {},
): Promise<string> {
  const token = new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuedAt()
    .setExpirationTime(expires);
  if (subject) token.setSubject(subject);
  return token.sign(new TextEncoder().encode(secret));
}

async function unauthenticated(promise: Promise<unknown>): Promise<string> {
  const error = await rejectionOf(promise);
  expect(error.code).toBe(ErrorCode.Unauthenticated);
  return error.message;
}

describe('Authenticator (real key store on Redis, keys under a prefix of this run)', () => {
  const testRedis = new TestRedis();
  const fileReader = issueApiKey();
  const fileExpired = issueApiKey();
  let keys: KeyStore;
  let authenticator: Authenticator;

  async function authenticatorWith(env: NodeJS.ProcessEnv): Promise<Authenticator> {
    const config = loadConfig(GatewayConfig, env);
    const store = new KeyStore(config, testRedis.redis, logger);
    store.onModuleInit();
    const built = new Authenticator(config, store);
    await built.onModuleInit();
    return built;
  }

  beforeAll(async () => {
    const keysFile = join(dir, 'keys.yaml');
    writeFileSync(
      keysFile,
      [
        'keys:',
        `  - { id: file-reader, hash: "${hashApiKey(fileReader.key)}", role: reader, tenant: acme, collections: [docs] }`,
        `  - { id: file-expired, key: "${fileExpired.key}", role: writer, expires_at: "2020-01-01T00:00:00Z" }`,
      ].join('\n'),
    );
    const config = loadConfig(GatewayConfig, {
      GATEWAY_KEYS_FILE: keysFile,
      GATEWAY_JWT_SECRET: JWT_SECRET,
      GATEWAY_ADMIN_KEY: ADMIN_KEY,
    });
    keys = new KeyStore(config, testRedis.redis, logger);
    keys.onModuleInit();
    authenticator = new Authenticator(config, keys);
    await authenticator.onModuleInit();
  });

  afterAll(async () => {
    await testRedis.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('API keys', () => {
    it('turns a runtime key into its principal: role, permissions, tenant, scope and limits', async () => {
      const { record, key } = await keys.create({
        role: 'writer',
        tenant: 'globex',
        collections: ['a'],
        rate_limit: { requests_per_minute: 7, tokens_per_minute: 70 },
      });
      await expect(authenticator.authenticate(key)).resolves.toEqual({
        id: record.id,
        kind: 'api-key',
        role: 'writer',
        permissions: DEFAULT_ROLE_PERMISSIONS.writer,
        tenant: 'globex',
        collections: ['a'],
        rateLimits: { requestsPerMinute: 7, tokensPerMinute: 70 },
      });
    });

    it('turns a keys-file key into its principal', async () => {
      await expect(authenticator.authenticate(fileReader.key)).resolves.toMatchObject({
        id: 'file-reader',
        kind: 'api-key',
        role: 'reader',
        tenant: 'acme',
        collections: ['docs'],
      });
    });

    it('accepts the bootstrap admin key as an admin', async () => {
      await expect(authenticator.authenticate(ADMIN_KEY)).resolves.toEqual({
        id: 'bootstrap-admin',
        kind: 'bootstrap-admin',
        role: 'admin',
        permissions: DEFAULT_ROLE_PERMISSIONS.admin,
      });
      expect(await unauthenticated(authenticator.authenticate(`${ADMIN_KEY}x`))).toBe(
        'Invalid API key',
      );
    });

    it('refuses a well-formed key that was never issued, and strings that are no key', async () => {
      expect(await unauthenticated(authenticator.authenticate(issueApiKey().key))).toBe(
        'Invalid API key',
      );
      expect(await unauthenticated(authenticator.authenticate('not-a-key'))).toBe(
        'Invalid API key',
      );
    });

    it('refuses a key whose secret does not match its id', async () => {
      const { record } = await keys.create({ role: 'admin' });
      const forged = `aip_${record.id}_${parseApiKey(issueApiKey().key)!.secret}`;
      expect(await unauthenticated(authenticator.authenticate(forged))).toBe('Invalid API key');
    });

    it('refuses a revoked key', async () => {
      const { record, key } = await keys.create({ role: 'reader' });
      await expect(authenticator.authenticate(key)).resolves.toMatchObject({ id: record.id });
      await keys.revoke(record.id);
      expect(await unauthenticated(authenticator.authenticate(key))).toBe('Invalid API key');
    });

    it('refuses expired keys, from the file and created at run time, naming the expiry', async () => {
      expect(await unauthenticated(authenticator.authenticate(fileExpired.key))).toBe(
        'API key file-expired expired at 2020-01-01T00:00:00.000Z',
      );
      const { record, key } = await keys.create({
        role: 'reader',
        expires_at: '2021-06-01T00:00:00Z',
      });
      expect(await unauthenticated(authenticator.authenticate(key))).toBe(
        `API key ${record.id} expired at 2021-06-01T00:00:00.000Z`,
      );
    });

    it('gives each role the permissions of the roles file', async () => {
      const rolesFile = join(dir, 'roles.yaml');
      writeFileSync(rolesFile, 'reader: [vectors:search]\n');
      const custom = await authenticatorWith({ GATEWAY_ROLES_FILE: rolesFile });
      const { key } = await keys.create({ role: 'reader' });
      await expect(custom.authenticate(key)).resolves.toMatchObject({
        permissions: ['vectors:search'],
      });
    });
  });

  describe('JWTs', () => {
    it('turns a valid token into a jwt principal with its tenant and collections', async () => {
      const token = await jwt({ role: 'operator', tenant: 'acme', collections: ['x', 'y'] });
      await expect(authenticator.authenticate(token)).resolves.toEqual({
        id: 'jwt:alice',
        kind: 'jwt',
        role: 'operator',
        permissions: DEFAULT_ROLE_PERMISSIONS.operator,
        tenant: 'acme',
        collections: ['x', 'y'],
      });
    });

    it('refuses a token signed with another secret', async () => {
      const forged = await jwt(
        { role: 'admin' },
        { secret: 'some-other-secret-of-32-characters!!' },
      );
      expect(await unauthenticated(authenticator.authenticate(forged))).toMatch(/^Invalid token: /);
    });

    it('refuses an expired token', async () => {
      const expired = await jwt(
        { role: 'reader' },
        { expires: Math.floor(Date.now() / 1000) - 60 },
      );
      expect(await unauthenticated(authenticator.authenticate(expired))).toMatch(
        /^Invalid token: .*exp/,
      );
    });

    it('refuses tokens without a subject, without a role or with a role that does not exist', async () => {
      expect(
        await unauthenticated(
          authenticator.authenticate(await jwt({ role: 'reader' }, { subject: '' })),
        ),
      ).toBe('Invalid token: token has no sub claim');
      expect(await unauthenticated(authenticator.authenticate(await jwt({})))).toBe(
        'Invalid token: token claim role must be one of reader, writer, operator, admin',
      );
      expect(
        await unauthenticated(authenticator.authenticate(await jwt({ role: 'root' }))),
      ).toContain('token claim role');
      expect(
        await unauthenticated(authenticator.authenticate(await jwt({ role: 'reader', tenant: 7 }))),
      ).toBe('Invalid token: token claim tenant must be a string');
    });

    it('refuses every token when no JWT key is configured', async () => {
      const withoutJwt = await authenticatorWith({});
      expect(await unauthenticated(withoutJwt.authenticate(await jwt({ role: 'reader' })))).toBe(
        'Bearer tokens are not accepted: no JWT key is configured',
      );
    });
  });
});
