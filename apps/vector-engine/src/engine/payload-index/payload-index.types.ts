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

export type Memory = 'cold' | 'cached' | 'pinned';

interface CommonIndexParams {
  on_disk?: boolean | null;
  memory?: Memory | null;
  enable_hnsw?: boolean | null;
}

export interface KeywordIndexParams extends CommonIndexParams {
  type: 'keyword';
  is_tenant?: boolean | null;
  /** Enables match prefix (v1.19). */
  prefix?: boolean | null;
}

export interface IntegerIndexParams extends CommonIndexParams {
  type: 'integer';
  lookup?: boolean | null;
  range?: boolean | null;
  is_principal?: boolean | null;
}

export interface FloatIndexParams extends CommonIndexParams {
  type: 'float';
  is_principal?: boolean | null;
}

export interface DatetimeIndexParams extends CommonIndexParams {
  type: 'datetime';
  is_principal?: boolean | null;
}

export interface UuidIndexParams extends CommonIndexParams {
  type: 'uuid';
  is_tenant?: boolean | null;
}

export interface GeoIndexParams extends CommonIndexParams {
  type: 'geo';
}

export interface BoolIndexParams extends CommonIndexParams {
  type: 'bool';
}

export type StopwordsInterface = string | { languages?: string[] | null; custom?: string[] | null };

export type StemmingAlgorithm = { type: 'snowball'; language: string } | { type: 'none' };

export interface TextIndexParams extends CommonIndexParams {
  type: 'text';
  tokenizer?: TokenizerType;
  min_token_len?: number | null;
  max_token_len?: number | null;
  lowercase?: boolean | null;
  ascii_folding?: boolean | null;
  phrase_matching?: boolean | null;
  stopwords?: StopwordsInterface | null;
  stemmer?: StemmingAlgorithm | null;
}

export type PayloadSchemaParams =
  | KeywordIndexParams
  | IntegerIndexParams
  | FloatIndexParams
  | GeoIndexParams
  | TextIndexParams
  | BoolIndexParams
  | DatetimeIndexParams
  | UuidIndexParams;

export type PayloadFieldSchema = PayloadSchemaType | PayloadSchemaParams;

/** An entry of a collection's `payload_schema`. */
export interface PayloadIndexInfo {
  data_type: PayloadSchemaType;
  params?: Record<string, unknown>;
  /** Points with at least one value this index holds. */
  points: number;
}
