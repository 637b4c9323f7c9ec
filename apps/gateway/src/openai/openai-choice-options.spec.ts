import type { Generation } from '../clients/inference.client';
import { chatChoiceFields, completionChoiceFields, textChoices } from './openai-choice-options';
import type { OpenAiChatDto, OpenAiCompletionDto } from './openai.dto';

const entry = (token: string, logprob: number | null = -1) => ({
  token,
  logprob,
  bytes: [],
  top_logprobs: [],
});

describe('OpenAI choice options', () => {
  it('passes chat logprobs with their count of alternatives, and refuses top_logprobs alone', () => {
    expect(chatChoiceFields({ logprobs: true, n: 2 } as OpenAiChatDto)).toEqual({
      n: 2,
      logprobs: true,
      top_logprobs: 0,
    });
    expect(chatChoiceFields({ logprobs: false } as OpenAiChatDto)).toEqual({});
    expect(() => chatChoiceFields({ top_logprobs: 2 } as OpenAiChatDto)).toThrow(
      'top_logprobs needs logprobs: true',
    );
  });

  it("reads the completions API's logprobs as a count, and asks for the prompt's only to echo it", () => {
    expect(completionChoiceFields({ logprobs: 0 } as OpenAiCompletionDto)).toEqual({
      logprobs: true,
      top_logprobs: 0,
    });
    expect(completionChoiceFields({ logprobs: 3, echo: true } as OpenAiCompletionDto)).toEqual({
      logprobs: true,
      top_logprobs: 3,
      prompt_logprobs: true,
    });
    expect(completionChoiceFields({ echo: true } as OpenAiCompletionDto)).toEqual({});
  });

  it('gives each prompt its n choices, counted across prompts, each beginning with its prompt on echo', () => {
    const generation = (texts: string[], promptToken: string): Generation =>
      ({
        text: texts[0],
        done: {} as Generation['done'],
        promptLogprobs: [entry(promptToken, null)],
        choices: texts.map((text, index) => ({
          index,
          text,
          finish_reason: 'length',
          tool_calls: [],
          logprobs: [entry(text)],
        })),
      }) as Generation;
    const choices = textChoices(
      ['A', 'B'],
      [generation(['a1', 'a2'], 'A'), generation(['b1', 'b2'], 'B')],
      { echo: true, logprobs: 1 } as OpenAiCompletionDto,
    );
    expect(choices.map((c) => c.text)).toEqual(['Aa1', 'Aa2', 'Bb1', 'Bb2']);
    expect(choices[2]!.logprobs).toEqual({
      tokens: ['B', 'b1'],
      token_logprobs: [null, -1],
      top_logprobs: [null, {}],
      text_offset: [0, 1],
    });
    expect(textChoices(['A'], [generation(['a1'], 'A')], {} as OpenAiCompletionDto)[0]).toEqual({
      text: 'a1',
      finishReason: 'length',
    });
  });
});
