import { EnvPort, RedisConfig } from '@aip/platform';

export class EmbeddingConfig extends RedisConfig {
  /** Port of this service's health and metrics endpoints. */
  @EnvPort()
  EMBEDDING_PORT = 8002;
}
