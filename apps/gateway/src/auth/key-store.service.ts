import { readFileSync } from 'node:fs';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { parse } from 'yaml';
import {
  ApiKeyInputError,
  hashApiKey,
  issueApiKey,
  verifyApiKey,
  parseKeySettings,
  type ApiKeyRecord,
  type ApiKeySettings,
} from '@aip/rbac';
import { ErrorCode, PlatformError } from '@aip/contracts';
import { LOGGER, REDIS, type Logger } from '@aip/platform';
import { GatewayConfig } from '../config/gateway.config';

/** Redis hash of runtime keys: field = key id, value = the record (hash, never the key). */
export const RUNTIME_KEYS = 'aip:api-keys';

/** How long a runtime key record is reused before Redis is asked again (revocation delay). */
const RUNTIME_CACHE_MS = 5000;

/**
 * Where API key records come from: the keys file (a Kubernetes Secret, loaded at boot) and
 * keys created at run time through the admin API (hashed, in Redis, shared by replicas).
 */
@Injectable()
export class KeyStore implements OnModuleInit {
  private readonly fileKeys = new Map<string, ApiKeyRecord>();
  private readonly runtimeCache = new Map<
    string,
    { record: ApiKeyRecord | undefined; until: number }
  >();

  constructor(
    private readonly config: GatewayConfig,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onModuleInit(): void {
    const file = this.config.GATEWAY_KEYS_FILE;
    if (!file) return;
    const parsed = parse(readFileSync(file, 'utf8')) as { keys?: unknown } | null;
    const entries = parsed?.keys;
    if (!Array.isArray(entries)) throw new Error(`${file}: expected {keys: [...]}`);
    entries.forEach((entry: unknown, i) => {
      const where = `${file}: keys[${i}]`;
      if (typeof entry !== 'object' || entry === null)
        throw new Error(`${where} must be an object`);
      const input = entry as Record<string, unknown>;
      const id = input['id'];
      if (typeof id !== 'string' || !/^[\w.-]{1,64}$/.test(id))
        throw new Error(`${where}.id must be 1-64 letters, digits, . _ -`);
      const hash =
        typeof input['hash'] === 'string'
          ? input['hash']
          : typeof input['key'] === 'string'
            ? hashApiKey(input['key'])
            : undefined;
      if (!hash) throw new Error(`${where} needs hash (from the admin API) or key`);
      const settings = parseKeySettings(input, where);
      this.fileKeys.set(id, {
        ...settings,
        id,
        hash,
        createdAt: new Date(0).toISOString(),
        source: 'file',
      });
    });
    this.logger.info({ file, keys: this.fileKeys.size }, 'API keys loaded from file');
  }

  /** Runtime keys live in Redis: while it is unreachable, callers hear 503, not 500. */
  private async redisCall<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      this.logger.warn({ err: String(error) }, 'key store unreachable');
      throw new PlatformError(
        ErrorCode.ServiceUnavailable,
        'The key store (Redis) is unreachable; runtime API keys cannot be used',
        { retryAfterSeconds: 5 },
      );
    }
  }

  /**
   * The keys-file entry this credential belongs to. File entries have names of their own and
   * may hold keys in any format, so each (few) hash is checked, in constant time.
   */
  matchFileKey(credential: string): ApiKeyRecord | undefined {
    for (const record of this.fileKeys.values()) {
      if (verifyApiKey(credential, record.hash)) return record;
    }
    return undefined;
  }

  /** A runtime key's record by the id embedded in the key. */
  async findRuntime(id: string): Promise<ApiKeyRecord | undefined> {
    const cached = this.runtimeCache.get(id);
    if (cached && cached.until > Date.now()) return cached.record;
    const raw = await this.redisCall(() => this.redis.hget(RUNTIME_KEYS, id));
    const record = raw ? (JSON.parse(raw) as ApiKeyRecord) : undefined;
    this.runtimeCache.set(id, { record, until: Date.now() + RUNTIME_CACHE_MS });
    return record;
  }

  /** Creates a runtime key; the key itself is returned once and never stored. */
  async create(input: Record<string, unknown>): Promise<{ record: ApiKeyRecord; key: string }> {
    let settings: ApiKeySettings;
    try {
      settings = parseKeySettings(input, 'body');
    } catch (error) {
      if (error instanceof ApiKeyInputError)
        throw new PlatformError(ErrorCode.ValidationFailed, error.message);
      throw error;
    }
    const { id, key } = issueApiKey();
    const record: ApiKeyRecord = {
      ...settings,
      id,
      hash: hashApiKey(key),
      createdAt: new Date().toISOString(),
      source: 'runtime',
    };
    await this.redisCall(() => this.redis.hset(RUNTIME_KEYS, id, JSON.stringify(record)));
    return { record, key };
  }

  async list(): Promise<ApiKeyRecord[]> {
    const runtime = Object.values(await this.redisCall(() => this.redis.hgetall(RUNTIME_KEYS))).map(
      (raw) => JSON.parse(raw) as ApiKeyRecord,
    );
    return [...this.fileKeys.values(), ...runtime];
  }

  async revoke(id: string): Promise<void> {
    if (this.fileKeys.has(id)) {
      throw new PlatformError(
        ErrorCode.Conflict,
        `Key ${id} comes from the keys file; remove it there`,
      );
    }
    const removed = await this.redisCall(() => this.redis.hdel(RUNTIME_KEYS, id));
    this.runtimeCache.delete(id);
    if (removed === 0) throw new PlatformError(ErrorCode.NotFound, `No API key with id ${id}`);
  }
}
