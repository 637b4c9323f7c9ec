import { Redis } from 'ioredis';

/**
 * A connection for BullMQ: its blocking commands need retries without limit
 * (maxRetriesPerRequest: null), unlike the platform's shared connection, which fails fast.
 */
export function bullConnection(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null });
}
