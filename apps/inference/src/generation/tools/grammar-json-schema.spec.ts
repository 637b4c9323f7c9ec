import { toGrammarJsonSchema, UnenforceableSchemaError } from './grammar-json-schema';

const problemsOf = (schema: unknown): string[] => {
  try {
    toGrammarJsonSchema(schema);
  } catch (error) {
    if (error instanceof UnenforceableSchemaError) return error.problems;
    throw error;
  }
  return [];
};

describe('toGrammarJsonSchema (tool parameters as node-llama-cpp enforces them)', () => {
  it('keeps what the grammar enforces and drops annotations and required', () => {
    expect(
      toGrammarJsonSchema({
        $schema: 'http://json-schema.org/draft-07/schema#',
        title: 'Weather',
        type: 'object',
        properties: {
          city: { type: 'string', enum: ['Paris', 'Oslo'], description: 'Where', default: 'Paris' },
          note: { type: 'string', minLength: 1, maxLength: 20 },
          when: { type: 'string', format: 'date' },
          days: { type: 'array', items: { type: 'integer' }, minItems: 1, maxItems: 3 },
          exact: { const: 3 },
        },
        required: ['city'],
        additionalProperties: false,
      }),
    ).toEqual({
      type: 'object',
      properties: {
        city: { enum: ['Paris', 'Oslo'], description: 'Where' },
        note: { type: 'string', minLength: 1, maxLength: 20 },
        when: { type: 'string', format: 'date' },
        days: { type: 'array', items: { type: 'integer' }, minItems: 1, maxItems: 3 },
        exact: { const: 3 },
      },
      additionalProperties: false,
    });
  });

  it('writes anyOf, nullable types and draft-7 definitions in the forms the grammar knows', () => {
    expect(
      toGrammarJsonSchema({
        type: 'object',
        properties: {
          zone: { anyOf: [{ type: 'string', maxLength: 3 }, { type: 'null' }] },
          count: { type: ['integer', 'null'] },
          place: { $ref: '#/definitions/place' },
        },
        definitions: { place: { properties: { x: { type: 'number' } } } },
      }),
    ).toEqual({
      type: 'object',
      properties: {
        zone: { oneOf: [{ type: 'string', maxLength: 3 }, { type: 'null' }] },
        count: { oneOf: [{ type: 'integer' }, { type: 'null' }] },
        place: { $ref: '#/$defs/place' },
      },
      additionalProperties: false,
      $defs: {
        place: {
          type: 'object',
          properties: { x: { type: 'number' } },
          additionalProperties: false,
        },
      },
    });
  });

  it('lets an object with no properties declared hold any, and a schema without type be any value', () => {
    expect(toGrammarJsonSchema({ type: 'object' })).toEqual({
      type: 'object',
      additionalProperties: true,
    });
    expect(toGrammarJsonSchema({ description: 'anything' })).toMatchObject({
      description: 'anything',
      oneOf: expect.arrayContaining([{ type: 'array' }]),
    });
  });

  it('names every keyword it cannot enforce, and where', () => {
    expect(
      problemsOf({
        type: 'object',
        properties: {
          zip: { type: 'string', pattern: '^[0-9]+$' },
          age: { type: 'integer', minimum: 0, maximum: 150 },
          mail: { type: 'string', format: 'email' },
          tags: { type: 'array', items: { type: 'string' }, uniqueItems: true },
          both: { allOf: [{ type: 'string' }, { maxLength: 2 }] },
          other: { $ref: 'https://example.com/schema' },
        },
        required: ['zip', 'missing'],
      }),
    ).toEqual([
      'required ["missing"] not in properties',
      'pattern (at properties.zip)',
      'minimum (at properties.age)',
      'maximum (at properties.age)',
      'format "email" (only date-time, time, date) (at properties.mail)',
      'uniqueItems (at properties.tags)',
      'allOf with more than one schema (at properties.both)',
      '$ref "https://example.com/schema" (only #/$defs/... and #/definitions/...) (at properties.other)',
    ]);
    expect(problemsOf(false)).toEqual(['the schema false']);
    expect(problemsOf({ enum: [{ a: 1 }] })).toEqual([
      'enum that is not a list of strings, numbers, booleans or null',
    ]);
  });
});
