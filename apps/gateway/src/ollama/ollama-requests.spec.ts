import { Subject } from '@aip/contracts';
import { refusalOf } from '../testing/refusals';
import type { OllamaChatDto, OllamaGenerateDto } from './ollama-generation.dto';
import { chatGenerationOf, generateGenerationOf } from './ollama-requests';

const refusal = (run: () => unknown): string => {
  const error = refusalOf(run);
  return `${error.code}: ${error.message}`;
};

const chat = (body: Partial<OllamaChatDto>) =>
  chatGenerationOf({ model: 'tiny:latest', ...body } as OllamaChatDto);
const generate = (body: Partial<OllamaGenerateDto>) =>
  generateGenerationOf({ model: 'tiny:latest', ...body } as OllamaGenerateDto);

describe('Ollama chat and generate requests as platform generations', () => {
  it("sends chat messages to the chat subject under the model's platform name", () => {
    const generation = chat({
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'hi' },
        { role: 'assistant', content: 'hello', thinking: 'greet back' },
      ],
      options: { temperature: 0, num_predict: 5 },
    });
    expect(generation?.subject).toBe(Subject.InferenceChat);
    expect(generation?.payload).toMatchObject({
      model: 'tiny',
      temperature: 0,
      max_tokens: 5,
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'hi' },
        { role: 'assistant', content: 'hello' },
      ],
    });
  });

  it('asks for the default model when the client names `default`', () => {
    expect(chat({ model: 'default', messages: [{ role: 'user' }] })?.payload).toMatchObject({
      model: undefined,
      messages: [{ role: 'user', content: '' }],
    });
  });

  it('puts a generate prompt through the chat template after the system message, unless raw', () => {
    expect(generate({ prompt: 'Why?', system: 'Answer in one word.' })).toEqual({
      subject: Subject.InferenceChat,
      payload: expect.objectContaining({
        model: 'tiny',
        messages: [
          { role: 'system', content: 'Answer in one word.' },
          { role: 'user', content: 'Why?' },
        ],
      }),
    });
    expect(generate({ prompt: 'Once upon', system: 'ignored with raw', raw: true })).toEqual({
      subject: Subject.InferenceGenerate,
      payload: expect.objectContaining({ model: 'tiny', prompt: 'Once upon' }),
    });
  });

  it('has nothing to generate without messages or prompt (Ollama then only loads the model)', () => {
    expect(chat({})).toBeUndefined();
    expect(chat({ messages: [] })).toBeUndefined();
    expect(generate({})).toBeUndefined();
    expect(generate({ prompt: '' })).toBeUndefined();
  });

  it('still checks the options of a request with nothing to generate', () => {
    expect(refusal(() => generate({ options: { temperature: 9 } }))).toContain(
      'options.temperature must be a number from 0 to 2',
    );
  });

  it("refuses what no model here does, in Ollama's words", () => {
    const messages = [{ role: 'user' as const, content: 'hi' }];
    expect(refusal(() => chat({ messages, tools: [{ type: 'function' }] }))).toBe(
      'VALIDATION_FAILED: "tiny:latest" does not support tools',
    );
    expect(refusal(() => chat({ messages: [{ role: 'tool', content: '{}' }] }))).toBe(
      'VALIDATION_FAILED: "tiny:latest" does not support tools',
    );
    expect(refusal(() => chat({ messages: [{ role: 'user', images: ['aGk='] }] }))).toBe(
      'VALIDATION_FAILED: "tiny:latest" does not support images',
    );
    expect(refusal(() => chat({ messages, think: true }))).toBe(
      'VALIDATION_FAILED: "tiny:latest" does not support thinking',
    );
    expect(refusal(() => generate({ prompt: 'a', suffix: 'b' }))).toBe(
      'VALIDATION_FAILED: "tiny:latest" does not support insert',
    );
    expect(refusal(() => generate({ prompt: 'a', logprobs: true }))).toBe(
      'VALIDATION_FAILED: "tiny:latest" does not support logprobs',
    );
    expect(refusal(() => generate({ prompt: 'a', context: [1, 2, 3] }))).toBe(
      'VALIDATION_FAILED: "tiny:latest" does not support context',
    );
  });

  it('takes what costs nothing to accept: think false, empty images and tools, keep_alive', () => {
    const messages = [{ role: 'user' as const, content: 'hi', images: [] }];
    expect(chat({ messages, think: false, tools: [], keep_alive: '5m' })).toBeDefined();
    expect(
      generate({ prompt: 'a', images: [], context: [], suffix: '', keep_alive: 0 }),
    ).toBeDefined();
  });

  it('answers a name the platform could never have as an unknown model', () => {
    expect(refusal(() => chat({ model: 'library/llama3:8b', messages: [{ role: 'user' }] }))).toBe(
      'NOT_FOUND: model "library/llama3:8b" not found',
    );
  });
});
