import { plainToInstance } from 'class-transformer';
import { validate, type ValidationError } from 'class-validator';
import { PlatformError } from '@aip/contracts';
import { OpenAiChatDto } from './openai.dto';
import { toChatMessages } from './openai-chat-messages';

/** Every field and problem of a failed validation, nested fields by their dotted path. */
function problemsOf(errors: ValidationError[], prefix = ''): { field: string; problem: string }[] {
  return errors.flatMap((error) => [
    ...Object.values(error.constraints ?? {}).map((problem) => ({
      field: `${prefix}${error.property}`,
      problem,
    })),
    ...problemsOf(error.children ?? [], `${prefix}${error.property}.`),
  ]);
}

/** The body through the rules of the route's DTO, with the gateway's whitelisting. */
async function checked(messages: unknown[]) {
  const body = plainToInstance(OpenAiChatDto, { model: 'tiny', messages });
  const errors = await validate(body, { whitelist: true, forbidNonWhitelisted: true });
  return { body, problems: problemsOf(errors) };
}

const validated = async (messages: unknown[]): Promise<OpenAiChatDto> => {
  const { body, problems } = await checked(messages);
  expect(problems).toEqual([]);
  return body;
};

/** The one problem of messages the DTO refuses. */
const refusalOf = async (messages: unknown[]): Promise<{ field: string; problem: string }> => {
  const { problems } = await checked(messages);
  expect(problems).toHaveLength(1);
  return problems[0]!;
};

describe('OpenAI chat messages as the inference service takes them', () => {
  it('takes content as a string or as text parts, joined as lines', async () => {
    const body = await validated([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'first' },
          { type: 'text', text: 'second' },
        ],
      },
      { role: 'assistant', content: 'plain' },
    ]);
    expect(toChatMessages(body.messages, 'tiny')).toEqual([
      { role: 'user', content: 'first\nsecond' },
      { role: 'assistant', content: 'plain' },
    ]);
  });

  it('treats developer as system and accepts a name', async () => {
    const body = await validated([
      { role: 'developer', content: 'Be brief.', name: 'rules' },
      { role: 'user', content: 'hi', name: 'ann' },
    ]);
    expect(toChatMessages(body.messages, 'tiny')).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'hi' },
    ]);
  });

  it("passes on an assistant turn that called tools with null content, its calls, and the tool's result", async () => {
    const call = { id: 'call_1', type: 'function', function: { name: 'weather', arguments: '{}' } };
    const body = await validated([
      { role: 'user', content: 'weather?' },
      { role: 'assistant', content: null, refusal: null, tool_calls: [call] },
      { role: 'tool', tool_call_id: 'call_1', content: [{ type: 'text', text: 'sunny' }] },
    ]);
    expect(toChatMessages(body.messages, 'tiny').slice(1)).toEqual([
      { role: 'assistant', content: '', tool_calls: [call] },
      { role: 'tool', content: 'sunny', tool_call_id: 'call_1' },
    ]);
  });

  it('refuses a message without content unless it is an assistant turn calling tools', async () => {
    expect(await refusalOf([{ role: 'user', content: null }])).toEqual({
      field: 'messages.0.content',
      problem: 'content is required, unless an assistant message carries tool_calls',
    });
    expect((await refusalOf([{ role: 'assistant' }])).field).toBe('messages.0.content');
  });

  it("refuses a part type the message's role may not send, and a text part without text", async () => {
    expect((await refusalOf([{ role: 'system', content: [{ type: 'image_url' }] }])).problem).toBe(
      'content[0].type of a system message must be one of: text',
    );
    expect(
      (
        await refusalOf([
          { role: 'user', content: [{ type: 'text', text: 'a' }, { type: 'text' }] },
        ])
      ).problem,
    ).toBe('content[1].text must be a string');
    expect((await refusalOf([{ role: 'user', content: 42 }])).problem).toBe(
      'content must be a string or a list of content parts',
    );
  });

  it('refuses an image or audio part, naming the model and the part, as no model here reads media', async () => {
    const body = await validated([
      { role: 'user', content: 'hello' },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'what is this?' },
          { type: 'image_url', image_url: { url: 'https://example.com/cat.png' } },
        ],
      },
    ]);
    let refusal: unknown;
    try {
      toChatMessages(body.messages, 'tiny');
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(PlatformError);
    expect((refusal as PlatformError).message).toBe(
      'Model tiny cannot read images: messages[1].content[1] is of type image_url; send text parts only',
    );
    expect((refusal as PlatformError).details).toMatchObject({ field: 'messages.1.content.1' });
    const audio = await validated([
      {
        role: 'user',
        content: [{ type: 'input_audio', input_audio: { data: '', format: 'wav' } }],
      },
    ]);
    expect(() => toChatMessages(audio.messages, 'tiny')).toThrow('Model tiny cannot read audio');
  });
});
