import { IsOptional, IsString } from 'class-validator';
import { EnvInt, EnvPort, RedisConfig } from '@aip/platform';

export class EmbeddingConfig extends RedisConfig {
  /** Port of this service's health and metrics endpoints. */
  @EnvPort()
  EMBEDDING_PORT = 8002;

  /**
   * The models, as JSON: `{"<name>": {"provider": "glove-sif" | ..., ...options}}`. The first
   * is the default unless EMBEDDING_DEFAULT_MODEL names another.
   */
  @IsOptional()
  @IsString()
  EMBEDDING_MODELS: string | undefined = undefined;

  @IsOptional()
  @IsString()
  EMBEDDING_DEFAULT_MODEL: string | undefined = undefined;

  /** Converted word vectors and other model caches; default `<DATA_DIR>/embeddings`. */
  @IsOptional()
  @IsString()
  EMBEDDING_CACHE_DIR: string | undefined = undefined;

  /** How long a cached embedding lives in Redis. */
  @EnvInt(0, 365 * 24 * 3600)
  EMBEDDING_CACHE_TTL_SECONDS = 7 * 24 * 3600;

  /** Most texts merged into one provider call. */
  @EnvInt(1, 4096)
  EMBEDDING_BATCH_MAX = 64;

  /** Longest a text waits, while a batch is running, for others to share the next one. */
  @EnvInt(0, 1000)
  EMBEDDING_BATCH_WAIT_MS = 3;
}
