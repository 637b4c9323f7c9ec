import type { OpenAPIObject, ReferenceObject, SchemaObject } from '@nestjs/swagger';
import {
  MAX_INGEST_DOCUMENTS,
  MAX_LIMIT,
  MAX_VECTOR_DIMENSION,
  PAYLOAD_FIELD_TYPES,
} from '@aip/contracts';
import { offlineOpenApiDocument } from './offline-document';

type Schema = SchemaObject | ReferenceObject;

let document: OpenAPIObject;
let schemas: Record<string, Schema>;

beforeAll(async () => {
  document = await offlineOpenApiDocument();
  schemas = document.components?.schemas ?? {};
});

function schema(name: string): SchemaObject {
  const found = schemas[name];
  if (!found || '$ref' in found) throw new Error(`no schema ${name}`);
  return found;
}

function property(name: string, field: string): SchemaObject {
  const found = schema(name).properties?.[field];
  if (!found || '$ref' in found) throw new Error(`no property ${name}.${field}`);
  return found;
}

function requestBodySchemaNames(): string[] {
  return Object.values(document.paths).flatMap((item) =>
    ['post', 'put', 'patch'].flatMap((method) => {
      const body = (
        item as Record<string, { requestBody?: { content: Record<string, { schema?: Schema }> } }>
      )[method]?.requestBody;
      const bodySchema = body?.content['application/json']?.schema;
      return bodySchema && '$ref' in bodySchema ? [bodySchema.$ref.split('/').pop()!] : [];
    }),
  );
}

describe('request body schemas in /docs-json', () => {
  it('give every request body its fields, so a generator makes more than an empty object', () => {
    const names = requestBodySchemaNames();
    expect(names.length).toBeGreaterThan(30);
    const empty = names.filter((name) => Object.keys(schema(name).properties ?? {}).length === 0);
    expect(empty).toEqual([]);
  });

  it('carry the validation rules: types, required fields, limits and enums', () => {
    expect(schema('CreateCollectionDto').required).toContain('name');
    expect(property('CreateCollectionDto', 'size')).toMatchObject({
      type: 'integer',
      minimum: 1,
      maximum: MAX_VECTOR_DIMENSION,
    });
    expect(property('CreateCollectionDto', 'payload_schema')).toMatchObject({
      type: 'object',
      additionalProperties: { enum: [...PAYLOAD_FIELD_TYPES] },
    });
    expect(property('SearchPointsDto', 'top_k')).toMatchObject({
      type: 'integer',
      maximum: MAX_LIMIT,
    });
    expect(property('SearchPointsDto', 'mode').enum).toEqual(['dense', 'keyword', 'hybrid']);
    expect(schema('RagQueryDto').required).toEqual(
      expect.arrayContaining(['question', 'collection']),
    );
    expect(property('InsertPointDto', 'id').oneOf).toHaveLength(2);
  });

  it("keep the tenant out of every body but a new key's: it comes from the credential", () => {
    const withTenant = requestBodySchemaNames().filter(
      (name) => name !== 'CreateApiKeyDto' && 'tenant' in (schema(name).properties ?? {}),
    );
    expect(withTenant).toEqual([]);
  });

  it('type the ingest documents as a list of documents, not as an object', () => {
    const documents = property('IngestDto', 'documents');
    expect(documents).toMatchObject({ type: 'array', maxItems: MAX_INGEST_DOCUMENTS });
    expect(documents.items).toMatchObject({ required: ['source_uid', 'text'] });
  });

  it('leave no reference dangling', () => {
    const references =
      JSON.stringify(document).match(/"\$ref":"#\/components\/schemas\/[^"]+"/g) ?? [];
    const missing = references
      .map((reference) => reference.slice('"$ref":"#/components/schemas/'.length, -1))
      .filter((name) => !(name in schemas));
    expect(missing).toEqual([]);
  });
});
