// Payload index schemas as Qdrant's REST API (v1.18 / v1.19 OpenAPI) defines them.

export type PayloadSchemaType =
  'keyword' | 'integer' | 'float' | 'bool' | 'datetime' | 'text' | 'geo' | 'uuid';

export const PAYLOAD_SCHEMA_TYPES: readonly PayloadSchemaType[] = [
  'keyword',
  'integer',
  'float',
  'geo',
  'text',
  'bool',
  'datetime',
  'uuid',
];

export type TokenizerType = 'prefix' | 'whitespace' | 'word' | 'multilingual';

/** An entry of a collection's `payload_schema`. */
export interface PayloadIndexInfo {
  data_type: PayloadSchemaType;
  params?: Record<string, unknown>;
  /** Points with at least one value this index holds. */
  points: number;
}
