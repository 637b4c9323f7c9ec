import { EnvPort, RedisConfig } from '@aip/platform';

export class SyncWorkerConfig extends RedisConfig {
  /** Port of this service's health and metrics endpoints. */
  @EnvPort()
  SYNC_WORKER_PORT = 8004;
}
