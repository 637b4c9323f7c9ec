import { loadConfig } from '@aip/platform';
import { SyncWorkerConfig } from './sync-worker.config';

describe('SyncWorkerConfig', () => {
  it('serves health and metrics on port 8004 and uses the local Redis by default', () => {
    const config = loadConfig(SyncWorkerConfig, {});
    expect(config.SYNC_WORKER_PORT).toBe(8004);
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
  });

  it('rejects a Redis URL of another scheme', () => {
    expect(() => loadConfig(SyncWorkerConfig, { REDIS_URL: 'http://127.0.0.1:6379' })).toThrow(
      'REDIS_URL must be a redis:// or rediss:// URL',
    );
  });
});
