import { resolve } from 'node:path';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Matches } from 'class-validator';
import { EnvInt, EnvOneOf } from './env-decorators';
import { EnvBothOrNeither, EnvExcludes, EnvReadableFile } from './env-relations';

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

  /**
   * Address the app's HTTP port binds to. Loopback, because only the gateway takes outside
   * traffic (services talk over NATS) and /health and /metrics answer without credentials;
   * containers set 0.0.0.0 and rely on their network policies.
   */
  @IsString()
  HOST = '127.0.0.1';

  // NATS credentials: one way to authenticate at most (user and password, token, creds file or
  // nkey seed), checked at boot so a typo stops the app rather than surfacing as reconnects.

  @EnvBothOrNeither('NATS_PASSWORD')
  @EnvExcludes('NATS_TOKEN')
  NATS_USER: string | undefined = undefined;

  @IsOptional()
  @IsString()
  NATS_PASSWORD: string | undefined = undefined;

  @IsOptional()
  @IsString()
  NATS_TOKEN: string | undefined = undefined;

  /** A `.creds` file (user JWT and nkey seed), as `nsc` writes for decentralized auth. */
  @EnvReadableFile()
  @EnvExcludes('NATS_USER', 'NATS_TOKEN', 'NATS_NKEY_SEED_FILE')
  NATS_CREDS_FILE: string | undefined = undefined;

  /** A file holding an nkey seed (`SU...`) for nkey authentication. */
  @EnvReadableFile()
  @EnvExcludes('NATS_USER', 'NATS_TOKEN')
  NATS_NKEY_SEED_FILE: string | undefined = undefined;

  /** CA (PEM) that signed the NATS server's certificate; setting any NATS_TLS_* requires TLS. */
  @EnvReadableFile()
  NATS_TLS_CA_FILE: string | undefined = undefined;

  /** Client certificate and key (PEM) for servers that verify clients. */
  @EnvReadableFile()
  @EnvBothOrNeither('NATS_TLS_KEY_FILE')
  NATS_TLS_CERT_FILE: string | undefined = undefined;

  @EnvReadableFile()
  NATS_TLS_KEY_FILE: string | undefined = undefined;
}

/** Apps that use Redis (cache, queues, rate limits) add this. */
export class RedisConfig extends BaseConfig {
  @Matches(/^rediss?:\/\/\S+$/, { message: 'REDIS_URL must be a redis:// or rediss:// URL' })
  REDIS_URL = 'redis://127.0.0.1:6379';
}
