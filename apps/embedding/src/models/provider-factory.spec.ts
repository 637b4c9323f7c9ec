import { availableParallelism } from 'node:os';
import { parseModels } from './model-config';
import { createProvider } from './provider-factory';
import { parseLlamaCppOptions } from '../providers/llama-cpp/llama-cpp.options';
import { parseOpenAiCompatibleOptions } from '../providers/openai-compatible/openai-compatible.options';

const build = (json: object, env: NodeJS.ProcessEnv = {}) =>
  parseModels(JSON.stringify(json)).map((m) => createProvider(m, { dataDir: '/data', env }));

describe('provider options in EMBEDDING_MODELS', () => {
  it('builds the three kinds of provider, each named by its model', () => {
    const providers = build({
      default: { provider: 'glove-sif' },
      local: { provider: 'llama-cpp', model: 'bge-small.gguf' },
      remote: { provider: 'openai-compatible', baseUrl: 'http://ollama:11434/v1/', model: 'nomic' },
    });
    expect(providers.map((p) => [p.kind, p.model])).toEqual([
      ['glove-sif', 'default'],
      ['llama-cpp', 'bge-small.gguf'],
      ['openai-compatible', 'nomic'],
    ]);
  });

  it('applies the llama-cpp defaults: models folder, CPU, threads of the machine', () => {
    expect(parseLlamaCppOptions('local', { model: 'm.gguf' }, '/data')).toEqual({
      model: '/data/models/m.gguf',
      modelsDir: '/data/models',
      download: false,
      threads: availableParallelism(),
      gpu: false,
      contextSize: 512,
      contexts: 1,
    });
    expect(parseLlamaCppOptions('local', { model: 'hf:org/repo:m.gguf' }, '/data').model).toBe(
      'hf:org/repo:m.gguf',
    );
  });

  it('applies the openai-compatible defaults and reads the key from the environment', () => {
    expect(
      parseOpenAiCompatibleOptions(
        'remote',
        { baseUrl: 'https://api.example.com/v1', model: 'e', apiKeyEnv: 'KEY' },
        { KEY: 'sk-1' },
      ),
    ).toEqual({
      baseUrl: 'https://api.example.com/v1',
      model: 'e',
      apiKey: 'sk-1',
      maxBatch: 64,
      timeoutMs: 30_000,
      retries: 3,
      dimension: undefined,
    });
  });

  it.each([
    [{ provider: 'llama-cpp' }, 'EMBEDDING_MODELS.x.model must be given (a non-empty string)'],
    [
      { provider: 'llama-cpp', model: 'https://example.com/m.gguf' },
      'EMBEDDING_MODELS.x.model must be a GGUF file path or an hf:user/repo:file URI, not a URL',
    ],
    [
      { provider: 'llama-cpp', model: 'm.gguf', threads: 0 },
      'EMBEDDING_MODELS.x.threads must be an integer from 1 to 512',
    ],
    [
      { provider: 'llama-cpp', model: 'm.gguf', gpu: 'yes' },
      'EMBEDDING_MODELS.x.gpu must be true or false',
    ],
    [
      { provider: 'llama-cpp', model: 'm.gguf', threds: 2 },
      'EMBEDDING_MODELS.x has unknown option(s) threds',
    ],
    [
      { provider: 'openai-compatible', model: 'e' },
      'EMBEDDING_MODELS.x.baseUrl must be given (a non-empty string)',
    ],
    [
      { provider: 'openai-compatible', model: 'e', baseUrl: 'ftp://h' },
      'EMBEDDING_MODELS.x.baseUrl must be an http:// or https:// URL',
    ],
    [
      { provider: 'openai-compatible', model: 'e', baseUrl: 'http://h', maxBatch: 5000 },
      'EMBEDDING_MODELS.x.maxBatch must be an integer from 1 to 2048',
    ],
    [
      { provider: 'openai-compatible', model: 'e', baseUrl: 'http://h', apiKeyEnv: 'NOPE' },
      'EMBEDDING_MODELS.x.apiKeyEnv names NOPE, which is not set',
    ],
    [
      { provider: 'glove-sif', weighting: 'tfidf' },
      'EMBEDDING_MODELS.x.weighting must be one of: usif, sif',
    ],
    [{ provider: 'bert' }, 'EMBEDDING_MODELS.x.provider must be one of: glove-sif, llama-cpp'],
  ])('refuses %j at boot, naming the model and field', (model, message) => {
    expect(() => build({ x: model })).toThrow(message);
  });
});
