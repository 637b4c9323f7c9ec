import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@aip/platform';
import { InferenceConfig } from './inference.config';

describe('InferenceConfig', () => {
  it('sets llama.cpp threads to the cores available, runs on CPU and serves no model by default', () => {
    const config = loadConfig(InferenceConfig, { DATA_DIR: '/srv/aip' });
    expect(config.INFERENCE_THREADS).toBe(availableParallelism());
    expect(config.INFERENCE_GPU).toBe('false');
    expect(config.INFERENCE_PORT).toBe(8001);
    expect(config.models()).toEqual([]);
    expect(config.defaultModel()).toBeUndefined();
    expect(config.modelsDir).toBe('/srv/aip/models');
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

  it('reads INFERENCE_MODEL as one model named default with the service-wide settings', () => {
    const config = loadConfig(InferenceConfig, {
      INFERENCE_MODEL: '/models/tiny.gguf',
      INFERENCE_THREADS: '2',
      INFERENCE_PARALLEL: '3',
    });
    expect(config.models()).toEqual([
      { name: 'default', model: '/models/tiny.gguf', parallel: 3, threads: 2, gpu: 'false' },
    ]);
    expect(config.defaultModel()).toBe('default');
  });

  it('reads INFERENCE_MODELS with per-model settings, relative paths in the models folder', () => {
    const config = loadConfig(InferenceConfig, {
      INFERENCE_MODELS_DIR: '/models',
      INFERENCE_MODELS: JSON.stringify({
        small: { model: 'small.gguf', contextSize: 2048, parallel: 8, threads: 4 },
        big: { model: 'hf:user/repo:big.gguf', gpu: 'cuda', gpuLayers: 33 },
      }),
      INFERENCE_DEFAULT_MODEL: 'big',
    });
    expect(config.models()).toMatchObject([
      { name: 'small', model: join('/models', 'small.gguf'), contextSize: 2048, parallel: 8 },
      { name: 'big', model: 'hf:user/repo:big.gguf', gpu: 'cuda', gpuLayers: 33 },
    ]);
    expect(config.defaultModel()).toBe('big');
  });

  it.each([
    [{ INFERENCE_MODELS: '{oops' }, 'INFERENCE_MODELS is not valid JSON'],
    [{ INFERENCE_MODELS: '{"a": {}}' }, 'INFERENCE_MODELS.a.model must be given'],
    [
      { INFERENCE_MODELS: '{"a": {"model": "https://example.com/a.gguf"}}' },
      'INFERENCE_MODELS.a.model must be a GGUF file path or an hf:user/repo:file URI, not a URL',
    ],
    [
      { INFERENCE_MODELS: '{"a": {"model": "a.gguf", "parallel": 0}}' },
      'INFERENCE_MODELS.a.parallel must be an integer from 1 to 256',
    ],
    [
      { INFERENCE_MODELS: '{"a": {"model": "a.gguf", "gpu": "metal"}}' },
      'INFERENCE_MODELS.a.gpu must be one of: auto, cuda, vulkan, false',
    ],
    [
      { INFERENCE_MODELS: '{"a": {"model": "a.gguf", "layers": 3}}' },
      'INFERENCE_MODELS.a has unknown option(s) layers',
    ],
    [
      { INFERENCE_MODEL: '/m.gguf', INFERENCE_DEFAULT_MODEL: 'other' },
      'INFERENCE_DEFAULT_MODEL other is not among the configured models (default)',
    ],
  ])('stops at boot on a bad model setting: %j', (env, message) => {
    expect(() => loadConfig(InferenceConfig, env)).toThrow(message);
  });
});
