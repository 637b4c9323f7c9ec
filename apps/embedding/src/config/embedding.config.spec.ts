import { loadConfig } from '@aip/platform';
import { EmbeddingConfig } from './embedding.config';

describe('EmbeddingConfig', () => {
  it('serves health and metrics on port 8002 and uses the local Redis by default', () => {
    const config = loadConfig(EmbeddingConfig, {});
    expect(config.EMBEDDING_PORT).toBe(8002);
    expect(config.REDIS_URL).toBe('redis://127.0.0.1:6379');
  });

  it('rejects a Redis URL of another scheme', () => {
    expect(() => loadConfig(EmbeddingConfig, { REDIS_URL: 'http://127.0.0.1:6379' })).toThrow(
      'REDIS_URL must be a redis:// or rediss:// URL',
    );
  });
});
