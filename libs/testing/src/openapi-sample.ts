/** The part of an OpenAPI schema object a sample is built from. */
export interface SampledSchema {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  minimum?: number;
  minItems?: number;
  items?: SampledSchema;
  properties?: Record<string, SampledSchema>;
  required?: string[];
  oneOf?: SampledSchema[];
  anyOf?: SampledSchema[];
  allOf?: SampledSchema[];
}

/** Deeper references stop at `{}`, so a cyclic schema still has a sample. */
const MAX_DEPTH = 8;

/**
 * The smallest value a schema accepts as far as it says: its required fields, the first enum
 * value or alternative, the minimum of a number, the fewest items of a list. Test bodies that
 * a route (or a client generated from the document) must take are built from it.
 */
export function sampleOf(
  schema: SampledSchema | undefined,
  schemas: Record<string, SampledSchema>,
  depth = 0,
): unknown {
  if (!schema || depth > MAX_DEPTH) return {};
  if (schema.$ref !== undefined) {
    return sampleOf(schemas[schema.$ref.split('/').pop()!], schemas, depth + 1);
  }
  if (schema.enum?.length) return schema.enum[0];
  const alternative = schema.oneOf?.[0] ?? schema.anyOf?.[0];
  if (alternative) return sampleOf(alternative, schemas, depth + 1);
  if (schema.allOf?.length) {
    return Object.assign({}, ...schema.allOf.map((part) => sampleOf(part, schemas, depth + 1)));
  }
  switch (schema.type) {
    case 'string':
      return 'sample';
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return false;
    case 'array':
      return Array.from({ length: Math.max(1, schema.minItems ?? 0) }, () =>
        sampleOf(schema.items, schemas, depth + 1),
      );
    default:
      return Object.fromEntries(
        (schema.required ?? []).map((field) => [
          field,
          sampleOf(schema.properties?.[field], schemas, depth + 1),
        ]),
      );
  }
}
