import type { SchemaObject } from '@nestjs/swagger';
import {
  MAX_PAYLOAD_FIELDS,
  MAX_PAYLOAD_INDEXES,
  PAYLOAD_FIELD_TYPES,
  TOOL_CHOICE_MODES,
  TOOL_NAME_PATTERN,
} from '@aip/contracts';

// class-validator-jsonschema reads the built-in rules (IsInt, Max, IsIn, ...) by itself; a rule
// written with ValidateBy is a function it cannot see into, so each one the request bodies use
// gets its schema here, keyed by the rule's name.

const UUID_PATTERN =
  '^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$';

const POINT_ID: SchemaObject = {
  oneOf: [
    { type: 'integer', minimum: 0, description: 'an unsigned integer' },
    { type: 'string', pattern: UUID_PATTERN, description: 'a UUID, with or without hyphens' },
  ],
};

const FILTER_CONDITIONS: SchemaObject = {
  type: 'array',
  items: { type: 'object', description: 'a condition or a nested filter' },
};

export const CUSTOM_RULE_SCHEMAS: Record<string, SchemaObject> = {
  isPointId: POINT_ID,
  arePointIds: { type: 'array', items: POINT_ID },
  isPayloadSelector: {
    oneOf: [
      { type: 'boolean' },
      { type: 'array', items: { type: 'string', minLength: 1 }, maxItems: MAX_PAYLOAD_FIELDS },
    ],
    description: 'All of the payload (true), none (false), or these fields',
  },
  isPayloadSchema: {
    type: 'object',
    additionalProperties: { type: 'string', enum: [...PAYLOAD_FIELD_TYPES] },
    maxProperties: MAX_PAYLOAD_INDEXES,
    description: 'Payload field name → index type; each becomes a payload index',
    example: { lang: 'keyword', year: 'integer' },
  },
  isPointFilter: {
    type: 'object',
    properties: {
      must: FILTER_CONDITIONS,
      should: FILTER_CONDITIONS,
      must_not: FILTER_CONDITIONS,
      min_should: {
        type: 'object',
        properties: { conditions: FILTER_CONDITIONS, min_count: { type: 'integer' } },
        required: ['conditions', 'min_count'],
      },
    },
    description:
      'A Qdrant filter: must / should / must_not clauses of conditions on payload fields',
    example: { must: [{ key: 'lang', match: { value: 'en' } }] },
  },
  isToolChoice: {
    oneOf: [
      { type: 'string', enum: [...TOOL_CHOICE_MODES] },
      {
        type: 'object',
        properties: {
          type: { type: 'string', enum: ['function'] },
          function: {
            type: 'object',
            properties: { name: { type: 'string', pattern: TOOL_NAME_PATTERN.source } },
            required: ['name'],
          },
        },
        required: ['type', 'function'],
      },
    ],
  },
};
