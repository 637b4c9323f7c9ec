import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** The parts of an OpenAPI 3.0 document the checker reads. */
export interface OpenApiDocumentLike {
  paths: Record<string, Record<string, { responses?: Record<string, ResponseLike> }>>;
  components?: { schemas?: Record<string, unknown> };
}

interface ResponseLike {
  content?: Record<string, { schema?: unknown }>;
}

/** One reply as the checker sees it. */
export interface ObservedResponse {
  method: string;
  url: string;
  status: number;
  contentType: string;
  body: string;
}

interface Route {
  template: string;
  pattern: RegExp;
  responses: Record<string, ResponseLike>;
}

const DOCUMENT_ID = 'openapi-document';

/** The JSON values of a body: the document itself, or each event of a stream. */
const BODY_READERS: Record<string, (body: string) => unknown[]> = {
  'application/json': (body) => [JSON.parse(body)],
  // Server-sent events: the data lines of each event, OpenAI's `[DONE]` end marker aside.
  'text/event-stream': (body) =>
    body
      .split(/\r?\n\r?\n/)
      .map((event) =>
        event
          .split(/\r?\n/)
          .filter((line) => line.startsWith('data:'))
          .map((line) => line.slice('data:'.length).replace(/^ /, ''))
          .join('\n'),
      )
      .filter((data) => data !== '' && data !== '[DONE]')
      .map((data) => JSON.parse(data) as unknown),
  // Ollama's streams: one JSON object a line.
  'application/x-ndjson': (body) =>
    body
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as unknown),
};
const COMPONENT_REF = '"$ref":"#/components/';

/**
 * Checks replies against the OpenAPI document: the status must be one the operation lists and a
 * JSON body must match the schema given for it. A reply to a path the document does not have is
 * not its business (another server, or a route that is not public).
 */
export class ResponseChecker {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly routes: Record<string, Route[]> = {};
  private readonly validators = new Map<string, ValidateFunction>();

  constructor(document: OpenApiDocumentLike) {
    addFormats(this.ajv);
    // Component schemas refer to each other as #/components/schemas/…: kept under one id, the
    // refs of every compiled response schema are pointed at it.
    this.ajv.addSchema({
      $id: DOCUMENT_ID,
      components: jsonSchemaOf(document.components ?? {}),
    });
    for (const [template, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        (this.routes[method.toUpperCase()] ??= []).push({
          template,
          pattern: patternOf(template),
          responses: operation.responses ?? {},
        });
      }
    }
  }

  /** What is wrong with a reply, or undefined when it matches (or is not a documented route). */
  problemWith(observed: ObservedResponse): string | undefined {
    const path = new URL(observed.url).pathname;
    // Literal paths win over templated ones (`/v1/models` is not `/v1/models/{id}`).
    const route = (this.routes[observed.method.toUpperCase()] ?? [])
      .filter((candidate) => candidate.pattern.test(path))
      .sort((a, b) => placeholders(a.template) - placeholders(b.template))[0];
    if (route === undefined) return undefined;
    const where = `${observed.method.toUpperCase()} ${route.template} ${observed.status}`;
    const response = route.responses[String(observed.status)] ?? route.responses.default;
    if (response === undefined) {
      const listed = Object.keys(route.responses).join(', ');
      return `${where}: status not in the document (it lists ${listed})`;
    }
    const mediaType = observed.contentType.split(';')[0]!.trim().toLowerCase();
    const read = BODY_READERS[mediaType];
    // Bytes, Prometheus text and HTML pages have no schema to hold them to.
    if (read === undefined) return undefined;
    const media = response.content?.[mediaType];
    if (media?.schema === undefined) {
      const listed = Object.keys(response.content ?? {}).join(', ') || 'no body';
      return `${where}: ${mediaType} where the document gives ${listed}`;
    }
    let values: unknown[];
    try {
      values = read(observed.body);
    } catch {
      return `${where}: the body is not ${mediaType}`;
    }
    const validate = this.validatorFor(`${where} ${mediaType}`, media.schema);
    for (const [index, value] of values.entries()) {
      if (validate(value)) continue;
      const errors = (validate.errors ?? [])
        .slice(0, 5)
        .map((error) => `${error.instancePath || '(body)'} ${error.message ?? ''}`.trim());
      const which = mediaType === 'application/json' ? '' : `event ${index}: `;
      return `${where}: ${which}${errors.join('; ')}`;
    }
    return undefined;
  }

  private validatorFor(key: string, schema: unknown): ValidateFunction {
    let validate = this.validators.get(key);
    if (validate === undefined) {
      const pointed = JSON.stringify(schema).replaceAll(
        COMPONENT_REF,
        `"$ref":"${DOCUMENT_ID}#/components/`,
      );
      validate = this.ajv.compile(jsonSchemaOf(JSON.parse(pointed)) as object);
      this.validators.set(key, validate);
    }
    return validate;
  }
}

/**
 * OpenAPI 3.0's `nullable: true` is not JSON Schema: it lets null through besides what the rest
 * of that schema allows, and client generators read it so even beside an `allOf` of one `$ref`
 * (how Nest documents a nullable object). Rewritten as "that, or null" for ajv.
 */
export function jsonSchemaOf(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(jsonSchemaOf);
  if (typeof schema !== 'object' || schema === null) return schema;
  const entries = Object.entries(schema);
  // A boolean `nullable` is the keyword; an object under that key is a property named so.
  const nullable = entries.some(([key, value]) => key === 'nullable' && value === true);
  const converted = Object.fromEntries(
    entries
      .filter(([key, value]) => key !== 'nullable' || typeof value !== 'boolean')
      .map(([key, value]) => [key, jsonSchemaOf(value)]),
  );
  return nullable ? { anyOf: [converted, { type: 'null' }] } : converted;
}

function patternOf(template: string): RegExp {
  const escaped = template
    .split(/\{[^}]+\}/)
    .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
    .join('[^/]+');
  return new RegExp(`^${escaped}$`);
}

function placeholders(template: string): number {
  return (template.match(/\{/g) ?? []).length;
}
