import { IsOptional, IsString, IsUrl } from 'class-validator';
import { EnvPort, RedisConfig } from '@aip/platform';

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
}
