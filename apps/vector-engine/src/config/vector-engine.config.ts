import { IsOptional, IsString, MinLength } from 'class-validator';
import { BaseConfig, EnvPort } from '@aip/platform';

export class VectorEngineConfig extends BaseConfig {
  /** Qdrant's REST port, so QDRANT_URL's default reaches the engine when no Qdrant runs. */
  @EnvPort()
  VECTOR_ENGINE_PORT = 6333;

  /** Where the engine keeps its collections; default `<DATA_DIR>/vector-engine`. */
  @IsOptional()
  @IsString()
  VECTOR_ENGINE_DATA_DIR: string | undefined = undefined;

  /** Qdrant's `service.api_key`: every call but the health probes must carry it (read-write). */
  @IsOptional()
  @MinLength(16, { message: 'VECTOR_ENGINE_API_KEY must be at least 16 characters' })
  VECTOR_ENGINE_API_KEY: string | undefined = undefined;

  /** Qdrant's `service.read_only_api_key`: reads only (GET, search, scroll, count...). */
  @IsOptional()
  @MinLength(16, { message: 'VECTOR_ENGINE_READ_ONLY_API_KEY must be at least 16 characters' })
  VECTOR_ENGINE_READ_ONLY_API_KEY: string | undefined = undefined;
}
