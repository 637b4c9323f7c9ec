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

  it('works on 4 jobs at once, in batches of 256 chunks, trying a job 8 times by default', () => {
    const config = loadConfig(SyncWorkerConfig, {});
    expect(config).toMatchObject({
      SYNC_WORKER_CONCURRENCY: 4,
      SYNC_WORKER_BATCH_CHUNKS: 256,
      SYNC_WORKER_JOB_ATTEMPTS: 8,
      SYNC_WORKER_LOCK_MS: 30_000,
    });
    expect(
      loadConfig(SyncWorkerConfig, { SYNC_WORKER_CONCURRENCY: '16' }).SYNC_WORKER_CONCURRENCY,
    ).toBe(16);
  });

  it('refuses a concurrency outside 1-64, naming the setting', () => {
    expect(() => loadConfig(SyncWorkerConfig, { SYNC_WORKER_CONCURRENCY: '0' })).toThrow(
      'SYNC_WORKER_CONCURRENCY',
    );
  });
});
