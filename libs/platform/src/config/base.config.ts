import { resolve } from 'node:path';
import { Transform } from 'class-transformer';
import { IsString, Matches } from 'class-validator';
import { EnvInt, EnvOneOf } from './env-decorators';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Variables every app reads. Defaults run the local setup with no flags. */
export class BaseConfig {
  /** Comma-separated NATS server URLs. */
  @Matches(/^(nats|tls|ws|wss):\/\/[^,\s]+(,(nats|tls|ws|wss):\/\/[^,\s]+)*$/, {
    message: 'NATS_URL must be one or more comma-separated nats:// URLs',
  })
  NATS_URL = 'nats://127.0.0.1:4222';

  /** How long a request to another service may take before it counts as unavailable. */
  @EnvInt(50, 600_000)
  NATS_REQUEST_TIMEOUT_MS = 5000;

  /** Requests in flight to one service beyond which new ones are refused at once (503). */
  @EnvInt(1, 100_000)
  NATS_MAX_IN_FLIGHT = 256;

  @EnvOneOf(LOG_LEVELS)
  LOG_LEVEL: LogLevel = 'info';

  /** Where every app keeps its state; one folder for the whole platform. */
  @IsString()
  @Transform(({ value }: { value: string }) => resolve(value))
  DATA_DIR = resolve('data');

  /** Address the app's HTTP port binds to. */
  @IsString()
  HOST = '0.0.0.0';
}

/** Apps that use Redis (cache, queues, rate limits) add this. */
export class RedisConfig extends BaseConfig {
  @Matches(/^rediss?:\/\/\S+$/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';
}
