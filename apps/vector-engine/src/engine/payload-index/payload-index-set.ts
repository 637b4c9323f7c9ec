import type { CompileOptions } from '../filter/compile-filter';
import type { TextTokenizer } from '../filter/compile-match';
import { parseDatetime } from '../filter/datetime';
import { parseFilter } from '../filter/parse-filter';
import {
  flattenValues,
  isPlainObject,
  type PathSegment,
  parsePayloadKey,
  rawValues,
} from '../filter/payload-path';
import { createFieldIndex, type FieldIndex } from './field-index';
import { validateIndexParams } from './index-params';
import type { OrderedValue } from './numeric-index';
import { PayloadIndexError } from './payload-index-error';
import {
  PAYLOAD_SCHEMA_TYPES,
  type PayloadIndexInfo,
  type PayloadSchemaType,
} from './payload-index.types';
import { planFilter } from './plan-candidates';

export type { PayloadSchemaType } from './payload-index.types';

interface IndexedField {
  readonly field: FieldIndex;
  readonly path: readonly PathSegment[];
  readonly params?: Record<string, unknown>;
}

/** The payload indexes of one collection, one per field, kept in step with its points. */
export class PayloadIndexSet {
  private readonly fields = new Map<string, IndexedField>();

  /**
   * Creates (or replaces) an index on `field`; `params` is the Qdrant field_schema params object
   * if one was given. The new index is empty: add the collection's points to fill it.
   * Throws PayloadIndexError on bad input.
   */
  create(field: string, type: PayloadSchemaType, params?: Record<string, unknown>): void {
    const path = parsePayloadKey(field);
    if (!path) {
      throw new PayloadIndexError('field_name', `invalid payload key ${JSON.stringify(field)}`);
    }
    if (!PAYLOAD_SCHEMA_TYPES.includes(type)) {
      throw new PayloadIndexError(
        'field_schema',
        `unknown type ${JSON.stringify(type)}, expected one of ${PAYLOAD_SCHEMA_TYPES.join(', ')}`,
      );
    }
    if (params !== undefined && !isPlainObject(params)) {
      throw new PayloadIndexError('field_schema', 'expected a type name or an object of params');
    }
    const checked = params === undefined ? undefined : validateIndexParams(type, params);
    this.fields.set(field, { field: createFieldIndex(type, checked), path, params: checked });
  }

  drop(field: string): boolean {
    return this.fields.delete(field);
  }

  has(field: string): boolean {
    return this.fields.has(field);
  }

  /** Indexes a point's payload, replacing what the indexes held for `label`. */
  add(label: number, payload: Record<string, unknown>): void {
    for (const { field, path } of this.fields.values()) {
      field.index.add(label, flattenValues(rawValues(payload, path)));
    }
  }

  /**
   * Forgets a point. The indexes remember what they hold for each label, so `payload` (the one
   * given to add) is not needed to find it; it is part of the signature for symmetry with add.
   */
  remove(label: number, _payload?: Record<string, unknown>): void {
    for (const { field } of this.fields.values()) field.index.remove(label);
  }

  /**
   * Labels that may match `filter` according to the indexes: a superset of the points the
   * predicate from compileFilter(filter, this.compileOptions()) accepts, or undefined when the
   * indexes cannot narrow the filter. Throws a FilterError for an invalid filter.
   */
  candidates(filter: unknown): Set<number> | undefined {
    const node = parseFilter(filter);
    if (!node) return undefined;
    return planFilter(node, (key) => this.fields.get(key)?.field, '')?.build();
  }

  /** The tokenizer for a text-indexed field (for compileFilter's textTokenizer option). */
  textTokenizer(field: string): TextTokenizer | undefined {
    const indexed = this.fields.get(field)?.field;
    return indexed?.type === 'text' ? indexed.tokenizer : undefined;
  }

  /** Options for compileFilter that make its predicate agree with these indexes. */
  compileOptions(): CompileOptions {
    return {
      textTokenizer: (key) => this.textTokenizer(key),
      uuidIndexed: (key) => this.fields.get(key)?.field.type === 'uuid',
    };
  }

  /** For collection info `payload_schema`. */
  schema(): Record<string, PayloadIndexInfo> {
    const schema: Record<string, PayloadIndexInfo> = {};
    for (const [name, { field, params }] of this.fields) {
      schema[name] = {
        data_type: field.type,
        ...(params ? { params } : {}),
        points: field.index.points,
      };
    }
    return schema;
  }

  /**
   * Labels by value of an integer, float or datetime (microseconds) indexed field, a label once
   * per distinct value, from `startFrom` on (a number, or a datetime string). Throws
   * PayloadIndexError when the field has no such index.
   */
  orderBy(
    field: string,
    direction: 'asc' | 'desc',
    startFrom?: number | string,
  ): Iterable<OrderedValue> {
    const indexed = this.fields.get(field)?.field;
    if (indexed?.type !== 'integer' && indexed?.type !== 'float' && indexed?.type !== 'datetime') {
      throw new PayloadIndexError(
        'order_by.key',
        `no range index for ${JSON.stringify(field)}: create an integer, float or datetime index on it to order by it`,
      );
    }
    let from: number | undefined;
    if (typeof startFrom === 'string') {
      from = parseDatetime(startFrom);
      if (from === undefined) {
        throw new PayloadIndexError(
          'order_by.start_from',
          `expected a number or an RFC 3339 datetime, got ${JSON.stringify(startFrom)}`,
        );
      }
    } else {
      from = startFrom;
    }
    return indexed.index.ordered(direction, from);
  }
}
