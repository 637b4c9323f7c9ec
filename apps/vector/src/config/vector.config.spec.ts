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

  it('caches searches for 5 minutes, hashes logged queries, and bounds Qdrant calls by default', () => {
    const config = loadConfig(VectorConfig, {});
    expect(config.VECTOR_CACHE_TTL_SECONDS).toBe(300);
    expect(config.VECTOR_QUERY_LOG).toBe('hashed');
    expect(config.VECTOR_QDRANT_TIMEOUT_MS).toBe(4000);
    expect(config.VECTOR_QDRANT_BREAKER_HALF_OPEN_MS).toBe(2000);
    expect(
      loadConfig(VectorConfig, { VECTOR_CACHE_TTL_SECONDS: '0' }).VECTOR_CACHE_TTL_SECONDS,
    ).toBe(0);
  });

  it('takes a query hash secret of at least 32 characters, or none', () => {
    expect(loadConfig(VectorConfig, {}).VECTOR_QUERY_HASH_SECRET).toBeUndefined();
    const secret = 'k'.repeat(32);
    expect(
      loadConfig(VectorConfig, { VECTOR_QUERY_HASH_SECRET: secret }).VECTOR_QUERY_HASH_SECRET,
    ).toBe(secret);
    expect(() => loadConfig(VectorConfig, { VECTOR_QUERY_HASH_SECRET: 'short' })).toThrow(
      'VECTOR_QUERY_HASH_SECRET must be at least 32 characters',
    );
  });

  it('rejects an unknown query log mode, naming the choices', () => {
    expect(() => loadConfig(VectorConfig, { VECTOR_QUERY_LOG: 'all' })).toThrow(
      'VECTOR_QUERY_LOG must be one of: off, hashed, stored',
    );
  });
});
