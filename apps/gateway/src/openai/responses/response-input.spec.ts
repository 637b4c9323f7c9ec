import { MAX_CHAT_MESSAGES, MAX_PROMPT_CHARS, PlatformError } from '@aip/contracts';
import { openAiErrorOf } from '../openai-errors';
import { chatMessagesOfInput } from './response-input';

/** The OpenAI error a refused input answers with: its message and param. */
function refusalOf(input: unknown[] | string, instructions?: string) {
  try {
    chatMessagesOfInput(input, instructions, 'tiny');
  } catch (error) {
    if (!(error instanceof PlatformError)) throw error;
    const { status, body } = openAiErrorOf(error);
    return { status, message: body.error.message, param: body.error.param };
  }
  throw new Error('expected the input to be refused');
}

const call = (call_id: string, name = 'get_weather', args = '{"city":"Oslo"}') => ({
  type: 'function_call',
  call_id,
  name,
  arguments: args,
});
const output = (call_id: string, out: unknown = '{"temp":3}') => ({
  type: 'function_call_output',
  call_id,
  output: out,
});

describe('Responses input as chat messages', () => {
  it('reads a string as one user message, after the instructions as a system message', () => {
    expect(chatMessagesOfInput('hi', 'Be brief.', 'tiny')).toEqual([
      { role: 'system', content: 'Be brief.' },
      { role: 'user', content: 'hi' },
    ]);
    expect(chatMessagesOfInput('hi', null, 'tiny')).toEqual([{ role: 'user', content: 'hi' }]);
  });

  it('takes easy and typed messages, developer as system, text parts joined by new lines', () => {
    expect(
      chatMessagesOfInput(
        [
          { role: 'developer', content: 'Rules.' },
          {
            type: 'message',
            role: 'user',
            content: [
              { type: 'input_text', text: 'one' },
              { type: 'input_text', text: 'two' },
            ],
          },
          // An earlier reply's message item, sent back as it came.
          {
            type: 'message',
            id: 'msg_1',
            status: 'completed',
            role: 'assistant',
            content: [{ type: 'output_text', text: 'ok', annotations: [], logprobs: [] }],
          },
        ],
        undefined,
        'tiny',
      ),
    ).toEqual([
      { role: 'system', content: 'Rules.' },
      { role: 'user', content: 'one\ntwo' },
      { role: 'assistant', content: 'ok' },
    ]);
  });

  it('makes calls the tool_calls of the assistant turn before them, and outputs tool messages', () => {
    expect(
      chatMessagesOfInput(
        [
          { role: 'user', content: 'weather?' },
          { role: 'assistant', content: 'Checking.' },
          call('call_a'),
          { ...call('call_b', 'get_time', '{}'), id: 'fc_2', status: 'completed' },
          output('call_b', [{ type: 'input_text', text: 'noon' }]),
          output('call_a'),
          call('call_c'),
          output('call_c'),
        ],
        undefined,
        'tiny',
      ),
    ).toEqual([
      { role: 'user', content: 'weather?' },
      {
        role: 'assistant',
        content: 'Checking.',
        tool_calls: [
          {
            id: 'call_a',
            type: 'function',
            function: { name: 'get_weather', arguments: '{"city":"Oslo"}' },
          },
          { id: 'call_b', type: 'function', function: { name: 'get_time', arguments: '{}' } },
        ],
      },
      { role: 'tool', content: 'noon', tool_call_id: 'call_b' },
      { role: 'tool', content: '{"temp":3}', tool_call_id: 'call_a' },
      {
        role: 'assistant',
        content: '',
        tool_calls: [
          {
            id: 'call_c',
            type: 'function',
            function: { name: 'get_weather', arguments: '{"city":"Oslo"}' },
          },
        ],
      },
      { role: 'tool', content: '{"temp":3}', tool_call_id: 'call_c' },
    ]);
  });

  it.each([
    [
      'a reference to a stored item',
      [{ type: 'item_reference', id: 'msg_1' }],
      'input[0].type',
      /not stored here/,
    ],
    [
      "a built-in tool's item",
      [{ type: 'web_search_call', id: 'ws_1' }],
      'input[0].type',
      /must be one of: message/,
    ],
    [
      'a role Responses messages do not have',
      [{ role: 'tool', content: 'x' }],
      'input[0].role',
      /must be one of: user, system/,
    ],
    [
      'a field messages do not have',
      [{ role: 'user', content: 'x', name: 'bob' }],
      'input[0].name',
      /is not a field of/,
    ],
    [
      'content without parts',
      [{ role: 'user', content: [] }],
      'input[0].content',
      /at least one content part/,
    ],
    [
      'content that is neither text nor parts',
      [{ role: 'user', content: 3 }],
      'input[0].content',
      /string or a list/,
    ],
    [
      'a part of a type its role does not write',
      [{ role: 'user', content: [{ type: 'output_text', text: 'x' }] }],
      'input[0].content[0].type',
      /must be one of: input_text/,
    ],
    [
      'a text part without text',
      [{ role: 'user', content: [{ type: 'input_text', text: 7 }] }],
      'input[0].content[0].text',
      /must be a string/,
    ],
    [
      "an assistant's input_text part",
      [{ role: 'assistant', content: [{ type: 'input_text', text: 'x' }] }],
      'input[0].content[0].type',
      /output_text, refusal/,
    ],
    [
      "a message before a call's output",
      [call('call_a'), { role: 'user', content: 'x' }],
      'input[0]',
      /no function_call_output/,
    ],
    ['a call without output', [call('call_a')], 'input[0]', /no function_call_output/],
    ['an output of no call', [output('call_x')], 'input[0].call_id', /answers no function_call/],
    [
      'a second output of one call',
      [call('call_a'), output('call_a'), output('call_a')],
      'input[2].call_id',
      /answers no/,
    ],
    [
      'a call_id used twice',
      [call('call_a'), call('call_a')],
      'input[1].call_id',
      /earlier function_call/,
    ],
    [
      'a function name OpenAI would refuse',
      [{ ...call('call_a'), name: 'no spaces' }],
      'input[0].name',
      /letters, digits/,
    ],
    [
      'arguments that are not JSON text',
      [{ ...call('call_a'), arguments: {} }],
      'input[0].arguments',
      /must be a string/,
    ],
    [
      'an empty call_id',
      [{ ...call(''), call_id: '' }],
      'input[0].call_id',
      /must be 1-256 characters/,
    ],
    [
      'an output that is neither text nor parts',
      [call('call_a'), output('call_a', null)],
      'input[1].output',
      /string or a list/,
    ],
    ['an item that is not an object', ['hi'], 'input[0]', /must be an input item object/],
  ])('refuses %s', (_what, input, param, message) => {
    const refused = refusalOf(input);
    expect(refused).toMatchObject({ status: 400, param });
    expect(refused.message).toMatch(message);
    expect(refused.message.startsWith(param)).toBe(true);
  });

  it('refuses media parts, naming the part and the model', () => {
    expect(
      refusalOf([
        { role: 'user', content: [{ type: 'input_image', image_url: 'https://x/y.png' }] },
      ]),
    ).toEqual({
      status: 400,
      param: 'input[0].content[0]',
      message:
        'input[0].content[0] is of type input_image: model tiny cannot read images; send text parts only',
    });
    expect(
      refusalOf([call('call_a'), output('call_a', [{ type: 'input_file', file_id: 'file_1' }])])
        .param,
    ).toBe('input[1].output[0]');
  });

  it("keeps each message within the platform's limits", () => {
    const long = 'x'.repeat(MAX_PROMPT_CHARS);
    expect(
      refusalOf([
        {
          role: 'user',
          content: [
            { type: 'input_text', text: long },
            { type: 'input_text', text: 'y' },
          ],
        },
      ]),
    ).toMatchObject({ param: 'input[0].content', message: expect.stringMatching(/at most 65536/) });
    const many = Array.from({ length: MAX_CHAT_MESSAGES }, () => ({ role: 'user', content: 'x' }));
    expect(chatMessagesOfInput(many, undefined, 'tiny')).toHaveLength(MAX_CHAT_MESSAGES);
    expect(refusalOf(many, 'Be brief.')).toMatchObject({
      param: 'input',
      message: expect.stringMatching(/at most 256 chat messages/),
    });
  });
});
