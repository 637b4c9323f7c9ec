import { IsOptional, IsString } from 'class-validator';
import { BaseConfig, EnvPort } from '@aip/platform';

export class VectorEngineConfig extends BaseConfig {
  /** Qdrant's REST port, so QDRANT_URL's default reaches the engine when no Qdrant runs. */
  @EnvPort()
  VECTOR_ENGINE_PORT = 6333;

  /** Where the engine keeps its collections; default `<DATA_DIR>/vector-engine`. */
  @IsOptional()
  @IsString()
  VECTOR_ENGINE_DATA_DIR: string | undefined = undefined;
}
