import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { RedisConfig } from '../config/base.config';
import { LOGGER } from '../logging/logger.token';
import type { Logger } from '../logging/logger';

export const REDIS = Symbol('REDIS');

function createRedis(config: RedisConfig, logger: Logger): Redis {
  const redis = new Redis(config.REDIS_URL, {
    // Fail commands at once while disconnected instead of queueing them without bound.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    // Commands issued in the same tick (concurrent requests) go out in one write: on loopback
    // each socket write costs more CPU than the command itself.
    enableAutoPipelining: true,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
  let wasReady = false;
  redis.on('ready', () => {
    wasReady = true;
    logger.info('redis connected');
  });
  redis.on('error', (error: Error) => {
    // ioredis repeats the error on every retry; log the transition, not the storm.
    if (wasReady) logger.warn({ err: error.message }, 'redis connection lost, retrying');
    wasReady = false;
  });
  return redis;
}

/** Waits (boundedly) for the first connection, so the app's first requests find Redis ready. */
async function connectedRedis(config: RedisConfig, logger: Logger): Promise<Redis> {
  const redis = createRedis(config, logger);
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => {
      logger.warn({ waitedMs: FIRST_CONNECT_WAIT_MS }, 'redis not reachable yet; starting anyway');
      resolve();
    }, FIRST_CONNECT_WAIT_MS);
    redis.once('ready', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  return redis;
}

const FIRST_CONNECT_WAIT_MS = 3000;

/** One shared ioredis connection for apps that use Redis. */
@Global()
@Module({
  providers: [{ provide: REDIS, inject: [RedisConfig, LOGGER], useFactory: connectedRedis }],
  exports: [REDIS],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}
