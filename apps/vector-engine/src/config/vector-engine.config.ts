import { BaseConfig, EnvPort } from '@aip/platform';

export class VectorEngineConfig extends BaseConfig {
  /** Qdrant's REST port, so QDRANT_URL's default reaches the engine when no Qdrant runs. */
  @EnvPort()
  VECTOR_ENGINE_PORT = 6333;
}
