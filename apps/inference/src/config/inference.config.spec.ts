import { availableParallelism } from 'node:os';
import { loadConfig } from '@aip/platform';
import { InferenceConfig } from './inference.config';

describe('InferenceConfig', () => {
  it('sets llama.cpp threads to the cores available and runs on CPU by default', () => {
    const config = loadConfig(InferenceConfig, {});
    expect(config.INFERENCE_THREADS).toBe(availableParallelism());
    expect(config.INFERENCE_GPU).toBe('false');
    expect(config.INFERENCE_PORT).toBe(8001);
  });

  it('accepts an explicit thread count and GPU backend, and rejects zero threads', () => {
    expect(
      loadConfig(InferenceConfig, { INFERENCE_THREADS: '1', INFERENCE_GPU: 'cuda' }),
    ).toMatchObject({
      INFERENCE_THREADS: 1,
      INFERENCE_GPU: 'cuda',
    });
    expect(() => loadConfig(InferenceConfig, { INFERENCE_THREADS: '0' })).toThrow(
      'INFERENCE_THREADS must not be less than 1',
    );
  });
});
