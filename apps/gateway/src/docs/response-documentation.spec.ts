import type {
  OpenAPIObject,
  OperationObject,
  ReferenceObject,
  ResponseObject,
  SchemaObject,
} from '@nestjs/swagger';
import { offlineOpenApiDocument } from './offline-document';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;
/** Bodies whose schema is the bytes or one event of a stream, not a JSON document. */
const STREAMED_MEDIA = ['application/octet-stream', 'text/event-stream', 'application/x-ndjson'];
const SCHEMA_PREFIX = '#/components/schemas/';

interface Operation {
  name: string;
  operation: OperationObject;
}

function operationsOf(document: OpenAPIObject): Operation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method] !== undefined).map((method) => ({
      name: `${method.toUpperCase()} ${path}`,
      operation: item[method]!,
    })),
  );
}

/** Whether a schema says something: a type, properties, a combination, or a resolvable `$ref`. */
function describesSomething(
  document: OpenAPIObject,
  schema: SchemaObject | ReferenceObject | undefined,
): boolean {
  if (schema === undefined) return false;
  if ('$ref' in schema) {
    const target = document.components?.schemas?.[schema.$ref.slice(SCHEMA_PREFIX.length)];
    return schema.$ref.startsWith(SCHEMA_PREFIX) && describesSomething(document, target);
  }
  return ['type', 'properties', 'oneOf', 'anyOf', 'allOf'].some((key) => key in schema);
}

/** What is wrong with one documented response: an empty list when it has a schema per content type. */
function problemsOf(document: OpenAPIObject, status: string, response: ResponseObject): string[] {
  const content = Object.entries(response.content ?? {});
  if (content.length === 0) return status === '204' ? [] : [`${status} has no content`];
  return content
    .filter(([, media]) => !describesSomething(document, media.schema))
    .map(([type]) => `${status} ${type} has no schema`);
}

describe('the OpenAPI document describes every response (offline document)', () => {
  let document: OpenAPIObject;
  let operations: Operation[];

  beforeAll(async () => {
    document = await offlineOpenApiDocument();
    operations = operationsOf(document);
  });

  it('documents a success response with a body schema (or a stream or file) for every operation', () => {
    const undocumented = operations.flatMap(({ name, operation }) => {
      const successes = Object.entries(operation.responses).filter(([status]) =>
        status.startsWith('2'),
      );
      if (successes.length === 0) return [`${name}: no success response`];
      return successes.flatMap(([status, response]) =>
        problemsOf(document, status, response as ResponseObject).map((p) => `${name}: ${p}`),
      );
    });
    expect(undocumented).toEqual([]);
  });

  it('gives every error status an operation lists a JSON schema of its error body', () => {
    const undocumented = operations.flatMap(({ name, operation }) =>
      Object.entries(operation.responses)
        .filter(([status]) => /^[45]/.test(status))
        .flatMap(([status, response]) => {
          const { content } = response as ResponseObject;
          if (content?.['application/json'] === undefined) return [`${name}: ${status} not JSON`];
          return problemsOf(document, status, response as ResponseObject).map(
            (p) => `${name}: ${p}`,
          );
        }),
    );
    expect(undocumented).toEqual([]);
  });

  it('lists the errors every guarded operation can answer: 401 and 429', () => {
    const guarded = operations.filter(({ operation }) => (operation.security ?? []).length > 0);
    expect(guarded.length).toBeGreaterThan(50);
    const missing = guarded
      .filter(({ operation }) => !operation.responses['401'] || !operation.responses['429'])
      .map(({ name }) => name);
    expect(missing).toEqual([]);
  });

  it('lists 413 on every POST, PUT and PATCH: the body-size limit is checked before the route', () => {
    const missing = Object.entries(document.paths).flatMap(([path, item]) =>
      (['post', 'put', 'patch'] as const)
        .filter((method) => item[method] !== undefined && !item[method]!.responses['413'])
        .map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(missing).toEqual([]);
  });

  it('resolves every $ref to a schema of the document', () => {
    const refs = new Set<string>();
    JSON.stringify(document, (key, value: unknown) => {
      if (key === '$ref' && typeof value === 'string') refs.add(value);
      return value;
    });
    const dangling = [...refs].filter(
      (ref) =>
        !ref.startsWith(SCHEMA_PREFIX) ||
        document.components?.schemas?.[ref.slice(SCHEMA_PREFIX.length)] === undefined,
    );
    expect(dangling).toEqual([]);
  });

  it('says which streamed content types carry events or bytes', () => {
    const streamed = operations.flatMap(({ operation }) =>
      Object.values(operation.responses).flatMap((response) =>
        Object.keys((response as ResponseObject).content ?? {}).filter((type) =>
          STREAMED_MEDIA.includes(type),
        ),
      ),
    );
    expect(new Set(streamed)).toEqual(new Set(STREAMED_MEDIA));
  });
});
