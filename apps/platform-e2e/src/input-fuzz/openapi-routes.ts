/** The part of an OpenAPI schema object the fuzzer reads. */
export interface SchemaObject {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  minimum?: number;
  items?: SchemaObject;
  properties?: Record<string, SchemaObject>;
  required?: string[];
}

interface OpenApiDocument {
  paths: Record<string, Record<string, { requestBody?: RequestBody }>>;
  components?: { schemas?: Record<string, SchemaObject> };
}

interface RequestBody {
  content?: Record<string, { schema?: SchemaObject }>;
}

export type BodyMethod = 'POST' | 'PUT' | 'PATCH';

/** A route that takes a request body, as the gateway's OpenAPI document describes it. */
export interface BodyRoute {
  method: BodyMethod;
  /** The OpenAPI path, with `{param}` placeholders. */
  path: string;
  /**
   * A body built from the document's JSON schema (its required fields with plausible values);
   * undefined for a route that documents no body, which must then ignore or refuse one.
   */
  schemaSample: unknown;
}

const BODY_METHODS: BodyMethod[] = ['POST', 'PUT', 'PATCH'];

/** Every POST, PUT and PATCH route of the gateway's `/docs-json`, in the document's order. */
export async function bodyRoutes(gatewayUrl: string): Promise<BodyRoute[]> {
  const response = await fetch(`${gatewayUrl}/docs-json`, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`/docs-json answered ${response.status}`);
  const document = (await response.json()) as OpenApiDocument;
  const schemas = document.components?.schemas ?? {};
  return Object.entries(document.paths).flatMap(([path, operations]) =>
    BODY_METHODS.filter((method) => operations[method.toLowerCase()] !== undefined).map(
      (method) => {
        const schema =
          operations[method.toLowerCase()]!.requestBody?.content?.['application/json']?.schema;
        return { method, path, schemaSample: schema && sample(schema, schemas, 0) };
      },
    ),
  );
}

/** A value the schema accepts as far as it says; deep or cyclic references stop at `{}`. */
function sample(
  schema: SchemaObject,
  schemas: Record<string, SchemaObject>,
  depth: number,
): unknown {
  if (depth > 4) return {};
  if (schema.$ref !== undefined) {
    const target = schemas[schema.$ref.split('/').pop()!];
    return target ? sample(target, schemas, depth + 1) : {};
  }
  if (schema.enum !== undefined && schema.enum.length > 0) return schema.enum[0];
  switch (schema.type) {
    case 'string':
      return 'fuzz';
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return false;
    case 'array':
      return schema.items ? [sample(schema.items, schemas, depth + 1)] : [];
    default:
      return Object.fromEntries(
        (schema.required ?? [])
          .filter((name) => schema.properties?.[name] !== undefined)
          .map((name) => [name, sample(schema.properties![name]!, schemas, depth + 1)]),
      );
  }
}
