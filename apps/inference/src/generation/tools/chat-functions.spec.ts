import { chatFunctionCalling } from './chat-functions';

const weather = {
  name: 'get_weather',
  description: 'The weather',
  parameters: { type: 'object', properties: { city: { enum: ['Paris'] } } },
};
const time = { name: 'get_time' };

describe('chatFunctionCalling (what tools and tool_choice ask of the model)', () => {
  it('offers every tool for auto and required, the named one only when one is named', () => {
    const params = {
      type: 'object',
      properties: { city: { enum: ['Paris'] } },
      additionalProperties: false,
    };
    expect(chatFunctionCalling([weather, time], undefined)).toEqual({
      functions: { get_weather: { description: 'The weather', params }, get_time: {} },
      forced: false,
    });
    expect(chatFunctionCalling([weather, time], 'required')?.forced).toBe(true);
    expect(
      chatFunctionCalling([weather, time], { type: 'function', function: { name: 'get_time' } }),
    ).toEqual({ functions: { get_time: {} }, forced: true });
  });

  it('calls nothing without tools or with tool_choice none', () => {
    expect(chatFunctionCalling(undefined, undefined)).toBeUndefined();
    expect(chatFunctionCalling([], 'auto')).toBeUndefined();
    expect(chatFunctionCalling([weather], 'none')).toBeUndefined();
  });

  it('refuses a choice no tool can satisfy, duplicate names and unenforceable parameters', () => {
    expect(() => chatFunctionCalling(undefined, 'required')).toThrow(
      'tool_choice "required" needs tools to call',
    );
    expect(() =>
      chatFunctionCalling([weather], { type: 'function', function: { name: 'get_stock' } }),
    ).toThrow('tool_choice names the function get_stock, which tools do not define');
    expect(() => chatFunctionCalling([weather, weather], 'auto')).toThrow(
      'tools define the function get_weather more than once',
    );
    expect(() =>
      chatFunctionCalling(
        [time, { name: 'f', parameters: { properties: { n: { type: 'number', minimum: 1 } } } }],
        'auto',
      ),
    ).toThrow('tools[1].function.parameters: minimum (at properties.n)');
  });
});
