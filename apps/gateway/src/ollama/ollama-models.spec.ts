import type { EmbeddingModelInfo } from '@aip/contracts';
import { PlatformError } from '@aip/contracts';
import { findModel, mergeCatalog, runningOf, showOf, tagOf } from './ollama-models';
import { ollamaVectorOf } from './ollama-vectors';
import { generationModelInfo } from '../testing/model-info';

const generation = generationModelInfo;
const embedding = (name: string, extra: Partial<EmbeddingModelInfo> = {}): EmbeddingModelInfo => ({
  name,
  provider: 'glove-sif',
  model: 'wink-100d',
  dimension: 100,
  ready: true,
  default: false,
  ...extra,
});

const catalog = mergeCatalog(
  [
    generation('chat', { default: true }),
    generation('both'),
    generation('cold', { state: 'loading' }),
  ],
  [embedding('both'), embedding('words', { default: true })],
);

describe('Ollama model listings', () => {
  it('lists generation and embedding models once each, with a tag as Ollama names them', () => {
    expect(catalog.map(tagOf).map((tag) => tag['name'])).toEqual([
      'chat:latest',
      'both:latest',
      'cold:latest',
      'words:latest',
    ]);
    const tag = tagOf(catalog[0]);
    expect(tag).toEqual({
      name: 'chat:latest',
      model: 'chat:latest',
      modified_at: '1970-01-01T00:00:00.000Z',
      size: 0,
      digest: expect.stringMatching(/^[0-9a-f]{64}$/),
      details: {
        parent_model: '',
        format: 'gguf',
        family: '',
        families: [],
        parameter_size: '',
        quantization_level: '',
      },
    });
    expect(tagOf(catalog[3])['details']).toMatchObject({ format: 'glove-sif' });
  });

  it('gives a model the same digest every time and another model another', () => {
    expect(tagOf(catalog[0])['digest']).toBe(
      tagOf(mergeCatalog([generation('chat')], [])[0])['digest'],
    );
    expect(tagOf(catalog[0])['digest']).not.toBe(tagOf(catalog[1])['digest']);
  });

  it('lists as running only the loaded models, which never expire', () => {
    const running = runningOf(catalog);
    expect(running.map((m) => m['name'])).toEqual(['chat:latest', 'both:latest', 'words:latest']);
    expect(running[0]).toMatchObject({
      expires_at: '9999-12-31T23:59:59.000Z',
      size_vram: 0,
      context_length: 512,
    });
    expect(running[2]).not.toHaveProperty('context_length');
  });

  it('shows what each model can do and its context size', () => {
    expect(showOf(catalog[0])).toMatchObject({
      capabilities: ['completion'],
      parameters: 'num_ctx 512',
      model_info: { 'general.context_length': 512 },
      details: { format: 'gguf' },
    });
    expect(showOf(catalog[0])['modelfile']).toContain('FROM /models/chat.gguf');
    expect(showOf(catalog[1])['capabilities']).toEqual(['completion', 'embedding']);
    expect(showOf(catalog[3])).toMatchObject({
      capabilities: ['embedding'],
      parameters: '',
      model_info: { 'general.embedding_length': 100 },
    });
  });
});

describe('Ollama model names', () => {
  it('finds a model with or without :latest, and `default` as the default model', () => {
    expect(findModel(catalog, 'both:latest').name).toBe('both');
    expect(findModel(catalog, 'both').name).toBe('both');
    expect(findModel(catalog, 'default').name).toBe('chat');
    expect(
      findModel(mergeCatalog([], [embedding('words', { default: true })]), 'default').name,
    ).toBe('words');
  });

  it('answers any other name as not found', () => {
    for (const name of ['nope', 'chat:7b', 'library/chat:latest']) {
      expect(() => findModel(catalog, name)).toThrow(PlatformError);
      expect(() => findModel(catalog, name)).toThrow(`model "${name}" not found`);
    }
  });
});

describe('Ollama embedding vectors', () => {
  const vector = Float32Array.from([3, 4, 12]);

  it('are the vectors as they are, or their first dimensions scaled to length 1', () => {
    expect(ollamaVectorOf(vector)).toEqual([3, 4, 12]);
    const short = ollamaVectorOf(vector, 2);
    expect(short).toHaveLength(2);
    expect(short[0]).toBeCloseTo(0.6);
    expect(short[1]).toBeCloseTo(0.8);
  });

  it('refuses more dimensions than the model has', () => {
    expect(() => ollamaVectorOf(vector, 4)).toThrow(
      "dimensions must be at most 3, the model's dimension",
    );
  });
});
