import { loadConfig } from '@aip/platform';
import { VectorConfig } from './vector.config';

describe('VectorConfig', () => {
  it('points at the local vector-engine on Qdrant port 6333 by default', () => {
    const config = loadConfig(VectorConfig, {});
    expect(config.QDRANT_URL).toBe('http://127.0.0.1:6333');
    expect(config.QDRANT_API_KEY).toBeUndefined();
    expect(config.VECTOR_PORT).toBe(8003);
  });

  it('accepts a real Qdrant by service name, and rejects a URL without a scheme', () => {
    expect(loadConfig(VectorConfig, { QDRANT_URL: 'http://qdrant:6333' }).QDRANT_URL).toBe(
      'http://qdrant:6333',
    );
    expect(() => loadConfig(VectorConfig, { QDRANT_URL: 'qdrant:6333' })).toThrow('QDRANT_URL');
  });
});
