import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import { workspaceRoot } from '@aip/platform';

interface Operation {
  requestBody?: { content?: Record<string, { schema?: unknown }> };
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}

type Spec = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown> };
};

/** Where Qdrant's own OpenAPI files are on this machine (beside the project, never committed). */
export function qdrantSpecFile(version: string): string {
  return join(workspaceRoot(__dirname), '..', 'shared', 'qdrant', `openapi-v${version}.json`);
}

export function hasQdrantSpec(version: string): boolean {
  return existsSync(qdrantSpecFile(version));
}

/**
 * OpenAPI 3.0 marks nulls with `nullable`; JSON Schema (Ajv) wants a null type instead.
 * `{nullable: true}` alone (a branch of anyOf) means "null".
 */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (typeof node !== 'object' || node === null) return node;
  const { nullable, ...rest } = node as Record<string, unknown>;
  const converted = Object.fromEntries(
    Object.entries(rest).map(([key, value]) => [key, toJsonSchema(value)]),
  );
  if (nullable !== true) return converted;
  if (
    Object.keys(converted).filter((key) => key !== 'description' && key !== 'default').length === 0
  ) {
    return { type: 'null' };
  }
  if (typeof converted['type'] === 'string' && !('enum' in converted)) {
    return { ...converted, type: [converted['type'], 'null'] };
  }
  return { anyOf: [converted, { type: 'null' }] };
}

/**
 * Validates requests and responses against one of Qdrant's OpenAPI specs: finds the path
 * template and method, then checks the JSON body with the schema the spec declares.
 */
export class OpenApiValidator {
  private readonly spec: Spec;
  private readonly ajv: Ajv;
  private readonly compiled = new Map<unknown, ValidateFunction>();
  private readonly templates: { template: string; pattern: RegExp; literal: number }[];

  constructor(readonly version: string) {
    this.spec = JSON.parse(readFileSync(qdrantSpecFile(version), 'utf8')) as Spec;
    // OpenAPI 3.0 schemas: `nullable` is understood by Ajv; Qdrant's numeric formats (uint64...) are not JSON Schema formats.
    this.ajv = new Ajv({ strict: false, validateFormats: false, allErrors: true });
    this.ajv.addSchema({ $id: 'qdrant', components: toJsonSchema(this.spec.components) }, 'qdrant');
    this.templates = Object.keys(this.spec.paths).map((template) => ({
      template,
      pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
      literal: template.replace(/\{[^}]+\}/g, '').length,
    }));
  }

  /** The spec's operation for a concrete method and path, or undefined if the spec lacks it. */
  operation(method: string, path: string): { template: string; operation: Operation } | undefined {
    const bare = path.split('?')[0];
    const matches = this.templates
      .filter(
        (t) =>
          t.pattern.test(bare) && this.spec.paths[t.template][method.toLowerCase()] !== undefined,
      )
      .sort((a, b) => b.literal - a.literal);
    const best = matches[0];
    return best
      ? { template: best.template, operation: this.spec.paths[best.template][method.toLowerCase()] }
      : undefined;
  }

  private validator(schema: unknown): ValidateFunction {
    let validate = this.compiled.get(schema);
    if (!validate) {
      const rewritten = JSON.parse(
        JSON.stringify(toJsonSchema(schema)).replace(/"#\/components\//g, '"qdrant#/components/'),
      ) as object;
      validate = this.ajv.compile(rewritten);
      this.compiled.set(schema, validate);
    }
    return validate;
  }

  private check(schema: unknown, value: unknown, what: string): string[] {
    if (schema === undefined) return [];
    const validate = this.validator(schema);
    if (validate(value)) return [];
    return (validate.errors ?? []).map((e) => `${what}${e.instancePath} ${e.message ?? ''}`.trim());
  }

  /** Problems with a request body; empty when it conforms. */
  validateRequest(method: string, path: string, body: unknown): string[] {
    const found = this.operation(method, path);
    if (!found) return [`${method} ${path}: not in Qdrant ${this.version}`];
    const schema = found.operation.requestBody?.content?.['application/json']?.schema;
    return body === undefined
      ? []
      : this.check(schema, body, `${method} ${found.template} request`);
  }

  /** Problems with a response; 4xx/5xx bodies are checked against the declared error schema. */
  validateResponse(method: string, path: string, status: number, body: unknown): string[] {
    const found = this.operation(method, path);
    if (!found) return [`${method} ${path}: not in Qdrant ${this.version}`];
    const responses = found.operation.responses ?? {};
    const declared =
      responses[String(status)] ??
      (status >= 400 && status < 500 ? responses['4XX'] : undefined) ??
      responses['default'];
    const schema = declared?.content?.['application/json']?.schema;
    return this.check(schema, body, `${method} ${found.template} ${status} response`);
  }
}
