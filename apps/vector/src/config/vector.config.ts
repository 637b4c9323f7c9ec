import { IsOptional, IsString, IsUrl, MinLength } from 'class-validator';
import { QUERY_LOG_MODES, type QueryLogMode } from '@aip/contracts';
import { EnvInt, EnvOneOf, EnvPort, RedisConfig } from '@aip/platform';

export class VectorConfig extends RedisConfig {
  /** Port of this service's health and metrics endpoints. */
  @EnvPort()
  VECTOR_PORT = 8003;

  /** Real Qdrant, or the embedded vector-engine (the default, started by `npm start`). */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  QDRANT_URL = 'http://127.0.0.1:6333';

  @IsOptional()
  @IsString()
  QDRANT_API_KEY: string | undefined = undefined;

  /**
   * Longest one Qdrant call may take before it counts as the store being unavailable. Below the
   * callers' default NATS request timeout (5 s), so they get VECTOR_STORE_UNAVAILABLE rather
   * than a bare timeout.
   */
  @EnvInt(100, 600_000)
  VECTOR_QDRANT_TIMEOUT_MS = 4000;

  /** Extra attempts of an idempotent Qdrant call after a connection failure or a 502/503/504. */
  @EnvInt(0, 10)
  VECTOR_QDRANT_RETRIES = 2;

  /** Consecutive failed Qdrant calls that open the circuit breaker (calls then fail at once). */
  @EnvInt(1, 1000)
  VECTOR_QDRANT_BREAKER_THRESHOLD = 5;

  /** How long an open breaker waits before letting one probe call through. */
  @EnvInt(100, 600_000)
  VECTOR_QDRANT_BREAKER_HALF_OPEN_MS = 2000;

  /** How long a cached search reply lives in Redis; 0 turns the search cache off. */
  @EnvInt(0, 7 * 24 * 3600)
  VECTOR_CACHE_TTL_SECONDS = 300;

  /** Frequent-query analytics: off, hashed (keyed hash prefixes only) or stored (the query text). */
  @EnvOneOf(QUERY_LOG_MODES)
  VECTOR_QUERY_LOG: QueryLogMode = 'hashed';

  /**
   * Key of the hashed query log (HMAC-SHA256), so a logged hash cannot be matched against
   * hashes of guessed queries. Unset: one is made at random once and kept in Redis beside the
   * figures it keys, so every replica and every restart hashes alike.
   */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'VECTOR_QUERY_HASH_SECRET must be at least 32 characters' })
  VECTOR_QUERY_HASH_SECRET: string | undefined = undefined;
}
