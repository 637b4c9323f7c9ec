import { Transform } from 'class-transformer';
import { ArrayNotEmpty, IsIn, IsOptional, IsString, Matches, MinLength } from 'class-validator';
import { COLLECTION_NAME, NATS_SERVICES, type NatsServiceName } from '@aip/contracts';
import { EnvInt, EnvOneOf, EnvPort, RedisConfig } from '@aip/platform';

const list = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s.length > 0)
    : value;

export class GatewayConfig extends RedisConfig {
  @EnvPort()
  GATEWAY_PORT = 8000;

  /** The gateway is the platform's public edge, so it alone listens on every address by default. */
  @IsString()
  override HOST = '0.0.0.0';

  /** Largest accepted request body; larger bodies get 413. */
  @EnvInt(1024, 100 * 1024 * 1024)
  GATEWAY_BODY_LIMIT_BYTES = 1024 * 1024;

  /** Longest a request may take before the gateway answers 504. */
  @EnvInt(100, 3_600_000)
  GATEWAY_REQUEST_TIMEOUT_MS = 120_000;

  /** How long `/api/v1/health` waits for each service. */
  @EnvInt(50, 60_000)
  GATEWAY_HEALTH_TIMEOUT_MS = 2000;

  /** Services without which `/api/v1/health` answers 503 (comma-separated). */
  @Transform(list)
  @ArrayNotEmpty()
  @IsIn(NATS_SERVICES, {
    each: true,
    message: `GATEWAY_REQUIRED_SERVICES must list some of: ${NATS_SERVICES.join(', ')}`,
  })
  GATEWAY_REQUIRED_SERVICES: NatsServiceName[] = [...NATS_SERVICES];

  /** The collection the similarity routes use when a request names none. */
  @Matches(COLLECTION_NAME, {
    message: 'GATEWAY_DEFAULT_COLLECTION must be 1-64 letters, digits, _ or -',
  })
  GATEWAY_DEFAULT_COLLECTION = 'documents';

  /** `disabled` turns authentication off (benchmarks only: every caller becomes admin). */
  @EnvOneOf(['enforce', 'disabled'])
  GATEWAY_AUTH_MODE: 'enforce' | 'disabled' = 'enforce';

  /** A bootstrap admin key (any string of 24+ characters), e.g. from a Kubernetes Secret. */
  @IsOptional()
  @IsString()
  @MinLength(24, { message: 'GATEWAY_ADMIN_KEY must be at least 24 characters' })
  GATEWAY_ADMIN_KEY: string | undefined = undefined;

  /** YAML or JSON file of API keys (`keys: [{id, hash | key, role, tenant?, ...}]`). */
  @IsOptional()
  @IsString()
  GATEWAY_KEYS_FILE: string | undefined = undefined;

  /** YAML or JSON file mapping roles to permissions; the default mapping otherwise. */
  @IsOptional()
  @IsString()
  GATEWAY_ROLES_FILE: string | undefined = undefined;

  /** HS256 secret for bearer JWTs. */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'GATEWAY_JWT_SECRET must be at least 32 characters' })
  GATEWAY_JWT_SECRET: string | undefined = undefined;

  /** Longest lifetime (exp - iat) of an accepted JWT; 0 for no limit (exp is always required). */
  @EnvInt(0, 366 * 24 * 3600)
  GATEWAY_JWT_MAX_LIFETIME_SECONDS = 24 * 3600;

  /** RS256 public key (PEM file) for bearer JWTs. */
  @IsOptional()
  @IsString()
  GATEWAY_JWT_PUBLIC_KEY_FILE: string | undefined = undefined;

  /** RS256 keys (JWKS file) for bearer JWTs. */
  @IsOptional()
  @IsString()
  GATEWAY_JWT_JWKS_FILE: string | undefined = undefined;

  @IsOptional()
  @IsString()
  GATEWAY_JWT_ISSUER: string | undefined = undefined;

  @IsOptional()
  @IsString()
  GATEWAY_JWT_AUDIENCE: string | undefined = undefined;

  /** Requests per minute for a key without its own limit. */
  @EnvInt(1, 10_000_000)
  GATEWAY_RATE_LIMIT_RPM = 600;

  /** Requests per minute shared by all keys of one tenant. */
  @EnvInt(1, 10_000_000)
  GATEWAY_TENANT_RATE_LIMIT_RPM = 6000;

  /** Generated tokens per minute for a key without its own limit. */
  @EnvInt(1, 100_000_000)
  GATEWAY_TOKENS_PER_MINUTE = 200_000;

  /** What rate limiting does while Redis is unreachable: let requests through, or refuse them. */
  @EnvOneOf(['open', 'closed'])
  GATEWAY_RATE_LIMIT_ON_REDIS_DOWN: 'open' | 'closed' = 'open';

  /** Origins allowed by CORS (comma-separated, `*` for any); CORS is off when empty. */
  @Transform(list)
  @IsString({ each: true })
  GATEWAY_CORS_ORIGINS: string[] = [];

  /** Serve HTTPS with this certificate and key (PEM files); both or neither. */
  @IsOptional()
  @IsString()
  GATEWAY_TLS_CERT_FILE: string | undefined = undefined;

  @IsOptional()
  @IsString()
  GATEWAY_TLS_KEY_FILE: string | undefined = undefined;
}
