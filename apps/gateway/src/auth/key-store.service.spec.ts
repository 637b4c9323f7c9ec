import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ErrorCode } from '@aip/contracts';
import { createLogger, loadConfig } from '@aip/platform';
import { hashApiKey, issueApiKey, parseApiKey, verifyApiKey, type ApiKeyRecord } from '@aip/rbac';
import { GatewayConfig } from '../config/gateway.config';
import { rejectionOf } from '../testing/refusals';
import { TestRedis, unreachableRedis } from '../testing/test-redis';
import { KeyStore, RUNTIME_KEYS } from './key-store.service';

const logger = createLogger({ service: 'gateway-test', version: 'test', level: 'silent' });
const dir = mkdtempSync(join(tmpdir(), 'aip-key-store-'));

function storeWith(redis: TestRedis['redis'], env: NodeJS.ProcessEnv = {}): KeyStore {
  const store = new KeyStore(loadConfig(GatewayConfig, env), redis, logger);
  store.onModuleInit();
  return store;
}

describe('KeyStore (real Redis, keys under a prefix of this run)', () => {
  const testRedis = new TestRedis();
  const redis = testRedis.redis;

  afterAll(async () => {
    await testRedis.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates a runtime key shown once and stores only its salted hash', async () => {
    const store = storeWith(redis);
    const { record, key } = await store.create({
      role: 'writer',
      name: 'ci',
      tenant: 'acme',
      rate_limit: { requests_per_minute: 5 },
    });
    expect(parseApiKey(key)?.id).toBe(record.id);
    expect(record).toMatchObject({
      role: 'writer',
      name: 'ci',
      tenant: 'acme',
      source: 'runtime',
      rateLimits: { requestsPerMinute: 5 },
    });
    const stored = await redis.hget(RUNTIME_KEYS, record.id);
    expect(stored).not.toBeNull();
    expect(stored).not.toContain(key);
    expect(stored).not.toContain(parseApiKey(key)!.secret);
    const parsed = JSON.parse(stored!) as ApiKeyRecord;
    expect(parsed.hash).toMatch(/^sha256\$/);
    expect(verifyApiKey(key, parsed.hash)).toBe(true);
    expect(verifyApiKey(issueApiKey().key, parsed.hash)).toBe(false);
  });

  it('refuses invalid settings with 400 naming the field, and stores nothing', async () => {
    const store = storeWith(redis);
    const before = await redis.hlen(RUNTIME_KEYS);
    const error = await rejectionOf(store.create({ role: 'superuser' }));
    expect(error.code).toBe(ErrorCode.ValidationFailed);
    expect(error.message).toContain('body.role');
    expect(await redis.hlen(RUNTIME_KEYS)).toBe(before);
  });

  it('finds a runtime key by the id in the key, and nothing for an id never issued', async () => {
    const store = storeWith(redis);
    const { record } = await store.create({ role: 'reader' });
    await expect(store.findRuntime(record.id)).resolves.toEqual(record);
    await expect(store.findRuntime(issueApiKey().id)).resolves.toBeUndefined();
  });

  it('sees keys created by another replica, through Redis', async () => {
    const { record } = await storeWith(redis).create({ role: 'operator' });
    await expect(storeWith(redis).findRuntime(record.id)).resolves.toEqual(record);
  });

  it('lists file keys and runtime keys', async () => {
    const file = join(dir, 'list.yaml');
    const fileKey = issueApiKey();
    writeFileSync(file, `keys:\n  - { id: from-file, key: "${fileKey.key}", role: reader }\n`);
    const store = storeWith(redis, { GATEWAY_KEYS_FILE: file });
    const { record } = await store.create({ role: 'writer' });
    const listed = await store.list();
    expect(listed.map((r) => r.id)).toEqual(expect.arrayContaining(['from-file', record.id]));
    expect(listed.find((r) => r.id === 'from-file')).toMatchObject({
      source: 'file',
      role: 'reader',
    });
    expect(JSON.stringify(listed)).not.toContain(fileKey.key);
  });

  it('revokes a runtime key at once for this replica; unknown ids are 404', async () => {
    const store = storeWith(redis);
    const { record } = await store.create({ role: 'reader' });
    await expect(store.findRuntime(record.id)).resolves.toBeDefined();
    await store.revoke(record.id);
    await expect(store.findRuntime(record.id)).resolves.toBeUndefined();
    expect(await redis.hexists(RUNTIME_KEYS, record.id)).toBe(0);
    expect((await rejectionOf(store.revoke(record.id))).code).toBe(ErrorCode.NotFound);
  });

  it('matches file keys given as a key or as a hash, and keeps only hashes of them', () => {
    const plain = issueApiKey();
    const hashed = 'any-format-key-of-the-operators-choosing';
    const file = join(dir, 'keys.yaml');
    writeFileSync(
      file,
      [
        'keys:',
        `  - { id: plain, key: "${plain.key}", role: reader, collections: [docs] }`,
        `  - { id: hashed, hash: "${hashApiKey(hashed)}", role: operator, tenant: acme }`,
      ].join('\n'),
    );
    const store = storeWith(redis, { GATEWAY_KEYS_FILE: file });
    expect(store.matchFileKey(plain.key)).toMatchObject({
      id: 'plain',
      role: 'reader',
      collections: ['docs'],
      source: 'file',
    });
    expect(store.matchFileKey(plain.key)?.hash).not.toContain(plain.key);
    expect(store.matchFileKey(hashed)).toMatchObject({ id: 'hashed', tenant: 'acme' });
    expect(store.matchFileKey(issueApiKey().key)).toBeUndefined();
  });

  it('will not revoke a file key (409: it is removed from the file)', async () => {
    const file = join(dir, 'revoke.yaml');
    writeFileSync(file, `keys:\n  - { id: fixed, key: "${issueApiKey().key}", role: reader }\n`);
    const error = await rejectionOf(storeWith(redis, { GATEWAY_KEYS_FILE: file }).revoke('fixed'));
    expect(error.code).toBe(ErrorCode.Conflict);
  });

  it('stops the boot on a keys file entry without an id, a key or a hash', () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'keys:\n  - { id: nokey, role: reader }\n');
    expect(() => storeWith(redis, { GATEWAY_KEYS_FILE: file })).toThrow(
      `${file}: keys[0] needs hash (from the admin API) or key`,
    );
    writeFileSync(file, 'keys:\n  - { id: "bad id", key: x, role: reader }\n');
    expect(() => storeWith(redis, { GATEWAY_KEYS_FILE: file })).toThrow('keys[0].id must be');
    writeFileSync(file, 'nothing: here\n');
    expect(() => storeWith(redis, { GATEWAY_KEYS_FILE: file })).toThrow('expected {keys: [...]}');
  });

  it('answers 503 with a retry hint while Redis is unreachable', async () => {
    const down = unreachableRedis();
    const store = new KeyStore(loadConfig(GatewayConfig, {}), down, logger);
    try {
      for (const call of [
        store.create({ role: 'reader' }),
        store.findRuntime(issueApiKey().id),
        store.list(),
        store.revoke('gone'),
      ]) {
        const error = await rejectionOf(call);
        expect(error.code).toBe(ErrorCode.ServiceUnavailable);
        expect(error.details).toEqual({ retryAfterSeconds: 5 });
      }
    } finally {
      down.disconnect();
    }
  });
});
