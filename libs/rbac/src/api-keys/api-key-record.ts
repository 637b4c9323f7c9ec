import { ROLES, type Role } from '../permissions';
import type { RateLimits } from '../principal';

/** What the platform keeps about a key: never the key itself, only its salted hash. */
export interface ApiKeyRecord {
  id: string;
  name?: string;
  role: Role;
  tenant?: string;
  collections?: string[];
  rateLimits?: RateLimits;
  /** ISO 8601; the key stops working at this instant. */
  expiresAt?: string;
  createdAt: string;
  hash: string;
  source: 'file' | 'runtime' | 'bootstrap';
}

export class ApiKeyInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ApiKeyInputError';
  }
}

function optionalString(value: unknown, field: string, max = 200): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || value.length === 0 || value.length > max) {
    throw new ApiKeyInputError(`${field} must be a string of 1 to ${max} characters`);
  }
  return value;
}

function positiveInt(value: unknown, field: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 10_000_000) {
    throw new ApiKeyInputError(`${field} must be an integer between 1 and 10000000`);
  }
  return value;
}

/** The settings a key is created with (keys file entry or admin request), validated. */
export interface ApiKeySettings {
  name?: string;
  role: Role;
  tenant?: string;
  collections?: string[];
  rateLimits?: RateLimits;
  expiresAt?: string;
}

export function parseKeySettings(input: Record<string, unknown>, where: string): ApiKeySettings {
  const role = input['role'];
  if (!ROLES.includes(role as Role))
    throw new ApiKeyInputError(`${where}.role must be one of ${ROLES.join(', ')}`);
  const collections = input['collections'];
  if (collections !== undefined && collections !== null) {
    if (
      !Array.isArray(collections) ||
      !collections.every((c) => typeof c === 'string' && c.length > 0)
    ) {
      throw new ApiKeyInputError(`${where}.collections must be a list of collection names`);
    }
  }
  const limits = (input['rate_limit'] ?? input['rateLimits']) as
    Record<string, unknown> | undefined;
  const rateLimits: RateLimits | undefined =
    limits && typeof limits === 'object'
      ? {
          requestsPerMinute: positiveInt(
            limits['requests_per_minute'] ?? limits['requestsPerMinute'],
            `${where}.rate_limit.requests_per_minute`,
          ),
          tokensPerMinute: positiveInt(
            limits['tokens_per_minute'] ?? limits['tokensPerMinute'],
            `${where}.rate_limit.tokens_per_minute`,
          ),
        }
      : undefined;
  const expires = optionalString(input['expires_at'] ?? input['expiresAt'], `${where}.expires_at`);
  if (expires !== undefined && Number.isNaN(Date.parse(expires))) {
    throw new ApiKeyInputError(`${where}.expires_at must be an ISO 8601 date-time`);
  }
  return {
    name: optionalString(input['name'], `${where}.name`),
    role: role as Role,
    tenant: optionalString(input['tenant'], `${where}.tenant`, 128),
    collections: collections ? (collections as string[]) : undefined,
    rateLimits,
    expiresAt: expires === undefined ? undefined : new Date(expires).toISOString(),
  };
}

export function isExpired(record: Pick<ApiKeyRecord, 'expiresAt'>, now = Date.now()): boolean {
  return record.expiresAt !== undefined && Date.parse(record.expiresAt) <= now;
}

/** The record without its hash, for listing keys. */
export function publicView(record: ApiKeyRecord): Omit<ApiKeyRecord, 'hash'> {
  const view: Partial<ApiKeyRecord> = { ...record };
  delete view.hash;
  return view as Omit<ApiKeyRecord, 'hash'>;
}
