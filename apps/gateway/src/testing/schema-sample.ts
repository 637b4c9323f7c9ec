import type { OpenAPIObject, ReferenceObject, SchemaObject } from '@nestjs/swagger';

type Schema = SchemaObject | ReferenceObject;

/**
 * The smallest value a schema allows, built from its required parts: used to write a call of
 * every route that a generated client must accept. Enough of JSON schema for this document:
 * references, enums, oneOf/anyOf/allOf (first branch), objects, arrays and the primitives.
 */
export function sampleOf(schema: Schema | undefined, document: OpenAPIObject, depth = 0): unknown {
  if (!schema || depth > 20) return {};
  if ('$ref' in schema) {
    const name = schema.$ref.split('/').pop() ?? '';
    return sampleOf(document.components?.schemas?.[name], document, depth + 1);
  }
  if (schema.enum?.length) return schema.enum[0];
  const branch = schema.oneOf?.[0] ?? schema.anyOf?.[0];
  if (branch) return sampleOf(branch, document, depth + 1);
  if (schema.allOf?.length) {
    return Object.assign({}, ...schema.allOf.map((part) => sampleOf(part, document, depth + 1)));
  }
  switch (schema.type) {
    case 'string':
      return 'x';
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    case 'array':
      return Array.from({ length: Math.max(1, schema.minItems ?? 0) }, () =>
        sampleOf(schema.items, document, depth + 1),
      );
    default:
      return Object.fromEntries(
        (schema.required ?? []).map((field) => [
          field,
          sampleOf(schema.properties?.[field], document, depth + 1),
        ]),
      );
  }
}
