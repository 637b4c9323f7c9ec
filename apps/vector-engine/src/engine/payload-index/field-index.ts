import type { TextTokenizer } from '../filter/compile-match';
import { parseDatetimeCached } from '../filter/datetime';
import { canonicalUuid } from '../filter/point-id';
import { GeoIndex } from './geo-index';
import { NumericIndex } from './numeric-index';
import type { PayloadSchemaType } from './payload-index.types';
import { PostingsIndex } from './postings-index';
import { createTextTokenizer, textTokenizerOptions } from './text-tokenizer';

/** The index of one field, by type; each holds the values of that type and nothing else. */
export type FieldIndex =
  | { readonly type: 'keyword' | 'uuid'; readonly index: PostingsIndex<string> }
  | { readonly type: 'bool'; readonly index: PostingsIndex<boolean> }
  | {
      readonly type: 'text';
      readonly index: PostingsIndex<string>;
      readonly tokenizer: TextTokenizer;
    }
  | { readonly type: 'integer' | 'float' | 'datetime'; readonly index: NumericIndex }
  | { readonly type: 'geo'; readonly index: GeoIndex };

function* strings(values: readonly unknown[]): Generator<string> {
  for (const value of values) if (typeof value === 'string') yield value;
}

export function createFieldIndex(
  type: PayloadSchemaType,
  params: Record<string, unknown> | undefined,
): FieldIndex {
  switch (type) {
    case 'keyword':
      return { type, index: new PostingsIndex(strings) };
    case 'uuid':
      return {
        type,
        index: new PostingsIndex(function* (values) {
          for (const value of strings(values)) {
            const uuid = canonicalUuid(value);
            if (uuid !== undefined) yield uuid;
          }
        }),
      };
    case 'bool':
      return {
        type,
        index: new PostingsIndex((values) =>
          values.filter((value): value is boolean => typeof value === 'boolean'),
        ),
      };
    case 'text': {
      const tokenizer = createTextTokenizer(textTokenizerOptions(params));
      return {
        type,
        tokenizer,
        index: new PostingsIndex(function* (values) {
          for (const value of strings(values)) yield* tokenizer(value, 'document');
        }),
      };
    }
    case 'integer':
      // Fractions are not integers to the index, yet a range condition still matches them.
      return {
        type,
        index: new NumericIndex(
          (value) => (Number.isInteger(value) ? (value as number) : undefined),
          (value) => typeof value === 'number',
        ),
      };
    case 'float':
      return {
        type,
        index: new NumericIndex((value) => (typeof value === 'number' ? value : undefined)),
      };
    case 'datetime':
      return {
        type,
        index: new NumericIndex((value) =>
          typeof value === 'string' ? parseDatetimeCached(value) : undefined,
        ),
      };
    case 'geo':
      return { type, index: new GeoIndex() };
  }
}
