import { ErrorCode, PlatformError } from '@aip/contracts';
import { findModel, openAiModelOf, systemFingerprintOf } from './openai-models';
import { generationModelInfo } from '../testing/model-info';

const model = generationModelInfo;

describe('OpenAI models', () => {
  const models = [model('big', { default: true }), model('small')];

  it('finds a model by name, and the default one as "default"', () => {
    expect(findModel(models, 'small').name).toBe('small');
    expect(findModel(models, 'default').name).toBe('big');
  });

  it('answers an unknown model with a not-found naming it', () => {
    let refusal: unknown;
    try {
      findModel(models, 'nope');
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(PlatformError);
    expect((refusal as PlatformError).code).toBe(ErrorCode.NotFound);
    expect((refusal as PlatformError).details).toMatchObject({ model: 'nope' });
  });

  it("describes a model as OpenAI's model object, with its context size", () => {
    expect(openAiModelOf(models[1]!)).toEqual({
      id: 'small',
      object: 'model',
      created: 0,
      owned_by: 'aip',
      context_size: 512,
      state: 'ready',
    });
  });

  it('fingerprints what serves a model: the same setup the same, another file or context another', () => {
    const fingerprint = systemFingerprintOf(model('m'));
    expect(fingerprint).toMatch(/^fp_[0-9a-f]{12}$/);
    expect(systemFingerprintOf(model('m'))).toBe(fingerprint);
    expect(systemFingerprintOf(model('m', { source: '/other.gguf' }))).not.toBe(fingerprint);
    expect(systemFingerprintOf(model('m', { context_size: 4096 }))).not.toBe(fingerprint);
    expect(systemFingerprintOf(model('m', { state: 'loading' }))).toBe(fingerprint);
  });
});
