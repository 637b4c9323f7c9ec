import { loadConfig } from '@aip/platform';
import { isLoopback, unprotectedBindProblem } from './bind-check';
import { VectorEngineConfig } from './vector-engine.config';

const KEY = 'k'.repeat(32);

describe('vector-engine bind check', () => {
  it('defaults to loopback with no key, which needs none', () => {
    const config = loadConfig(VectorEngineConfig, {});
    expect(config.HOST).toBe('127.0.0.1');
    expect(config.VECTOR_ENGINE_API_KEY).toBeUndefined();
    expect(unprotectedBindProblem(config)).toBeUndefined();
  });

  it('counts only loopback addresses as private', () => {
    for (const host of ['127.0.0.1', '127.0.1.1', '::1', 'localhost'])
      expect(isLoopback(host)).toBe(true);
    for (const host of ['0.0.0.0', '::', '10.0.0.5', 'engine.internal', '128.0.0.1'])
      expect(isLoopback(host)).toBe(false);
  });

  it('refuses a wider address without a key, naming both key variables', () => {
    const problem = unprotectedBindProblem(loadConfig(VectorEngineConfig, { HOST: '0.0.0.0' }));
    expect(problem).toContain('HOST=0.0.0.0');
    expect(problem).toContain('VECTOR_ENGINE_API_KEY');
    expect(problem).toContain('VECTOR_ENGINE_READ_ONLY_API_KEY');
    for (const key of ['VECTOR_ENGINE_API_KEY', 'VECTOR_ENGINE_READ_ONLY_API_KEY'])
      expect(
        unprotectedBindProblem(loadConfig(VectorEngineConfig, { HOST: '0.0.0.0', [key]: KEY })),
      ).toBeUndefined();
  });

  it('rejects a short key, naming the variable', () => {
    expect(() => loadConfig(VectorEngineConfig, { VECTOR_ENGINE_API_KEY: 'short' })).toThrow(
      'VECTOR_ENGINE_API_KEY must be at least 16 characters',
    );
  });
});
