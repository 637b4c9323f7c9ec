import { refusalOf } from '../testing/refusals';
import { generationSettingsOf, OLLAMA_DEFAULTS } from './ollama-options';

const refusal = (run: () => unknown): string => {
  const error = refusalOf(run);
  return `${error.code}: ${error.message}`;
};

describe("Ollama options as the platform's generation settings", () => {
  it("samples with Ollama's defaults when the client sets nothing, at the platform's default length", () => {
    expect(generationSettingsOf('tiny')).toEqual({
      model: 'tiny',
      max_tokens: undefined,
      temperature: 0.8,
      top_p: 0.9,
      top_k: 40,
      seed: undefined,
      stop: undefined,
      json_schema: undefined,
    });
    expect(OLLAMA_DEFAULTS).toEqual({ temperature: 0.8, top_k: 40, top_p: 0.9 });
    expect(generationSettingsOf('tiny', null)).toEqual(generationSettingsOf('tiny'));
  });

  it('maps temperature, top_p, top_k, seed, num_predict and stop one to one', () => {
    expect(
      generationSettingsOf(undefined, {
        temperature: 0,
        top_p: 0.5,
        top_k: 7,
        seed: 42,
        num_predict: 12,
        stop: ['\n', 'User:'],
      }),
    ).toMatchObject({
      model: undefined,
      temperature: 0,
      top_p: 0.5,
      top_k: 7,
      seed: 42,
      max_tokens: 12,
      stop: ['\n', 'User:'],
    });
  });

  it("reads Ollama's special values: seed -1 is random, num_predict -1 and -2 the default length", () => {
    const settings = generationSettingsOf('m', { seed: -1, num_predict: -1 });
    expect(settings.seed).toBeUndefined();
    expect(settings.max_tokens).toBeUndefined();
    expect(generationSettingsOf('m', { num_predict: -2 }).max_tokens).toBeUndefined();
  });

  it('takes one stop string as a list and drops empty ones, which Ollama ignores', () => {
    expect(generationSettingsOf('m', { stop: 'END' }).stop).toEqual(['END']);
    expect(generationSettingsOf('m', { stop: ['', 'END'] }).stop).toEqual(['END']);
    expect(generationSettingsOf('m', { stop: [''] }).stop).toBeUndefined();
  });

  it('ignores the options that mean nothing here, num_ctx and hardware settings among them', () => {
    const settings = generationSettingsOf('m', {
      num_ctx: 8192,
      num_gpu: 99,
      repeat_penalty: 1.1,
      mirostat: 2,
      made_up_option: 'x',
    });
    expect(settings).toEqual(generationSettingsOf('m'));
  });

  it('refuses an option out of range, naming it and the range', () => {
    expect(refusal(() => generationSettingsOf('m', { temperature: 5 }))).toBe(
      'VALIDATION_FAILED: options.temperature must be a number from 0 to 2',
    );
    expect(refusal(() => generationSettingsOf('m', { top_p: '0.5' }))).toBe(
      'VALIDATION_FAILED: options.top_p must be a number from 0 to 1',
    );
    expect(refusal(() => generationSettingsOf('m', { top_k: 1.5 }))).toBe(
      'VALIDATION_FAILED: options.top_k must be a whole number from 0 to 1000',
    );
    expect(refusal(() => generationSettingsOf('m', { num_predict: 100_000 }))).toBe(
      'VALIDATION_FAILED: options.num_predict must be a whole number from -2 to 16384',
    );
    expect(refusal(() => generationSettingsOf('m', { num_predict: 0 }))).toBe(
      'VALIDATION_FAILED: options.num_predict must be -1, -2 or 1 to 16384',
    );
    expect(refusal(() => generationSettingsOf('m', { stop: Array(9).fill('x') }))).toContain(
      'options.stop must be a list of at most 8 strings',
    );
  });

  it('turns format "json" into any JSON object and a schema into that schema', () => {
    const schema = { type: 'object', properties: { answer: { type: 'string' } } };
    expect(generationSettingsOf('m', {}, 'json').json_schema).toEqual({});
    expect(generationSettingsOf('m', {}, schema).json_schema).toBe(schema);
    expect(generationSettingsOf('m', {}, '').json_schema).toBeUndefined();
    expect(refusal(() => generationSettingsOf('m', {}, 'yaml'))).toBe(
      'VALIDATION_FAILED: format must be "json" or a JSON schema object',
    );
  });
});
