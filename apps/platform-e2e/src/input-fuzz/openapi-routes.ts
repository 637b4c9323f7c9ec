import { sampleOf, type SampledSchema } from '@aip/testing';

interface OpenApiDocument {
  paths: Record<string, Record<string, { requestBody?: RequestBody }>>;
  components?: { schemas?: Record<string, SampledSchema> };
}

interface RequestBody {
  content?: Record<string, { schema?: SampledSchema }>;
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
        return { method, path, schemaSample: schema && sampleOf(schema, schemas) };
      },
    ),
  );
}
