import type { INestApplication, Type } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import type { OpenAPIObject, ReferenceObject, SchemaObject } from '@nestjs/swagger';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { MAX, MIN } from 'class-validator';
import {
  targetConstructorToSchema,
  validationMetadatasToSchemas,
} from 'class-validator-jsonschema';
import { CUSTOM_RULE_SCHEMAS } from './custom-rule-schemas';

type Schema = SchemaObject | ReferenceObject;
type Schemas = Record<string, Schema>;

const SCHEMA_PREFIX = '#/components/schemas/';

// Most request bodies are the NATS contracts, validated by class-validator rules and carrying
// no @ApiProperty, so Nest's document saw them as empty objects. The rules themselves say what a
// valid body is (types, required fields, limits, enums); class-validator-jsonschema turns them
// into JSON schema, and a body's documented properties (descriptions, examples) stay on top.

type Options = NonNullable<Parameters<typeof validationMetadatasToSchemas>[0]>;

const OPTIONS: Options = {
  refPointerPrefix: SCHEMA_PREFIX,
  // Finds the class inside @Type(() => X), so nested bodies get their own schema.
  classTransformerMetadataStorage: defaultMetadataStorage,
  additionalConverters: {
    ...Object.fromEntries(
      Object.entries(CUSTOM_RULE_SCHEMAS).map(([name, schema]) => [name, () => schema]),
    ),
    // The library's Min and Max also say "number", which overrode IsInt's "integer".
    [MIN]: (meta) => ({ minimum: meta.constraints[0] as number }),
    [MAX]: (meta) => ({ maximum: meta.constraints[0] as number }),
  },
};

/** Fills the document's request schemas from the validation rules of the classes behind them. */
export function addRequestSchemas(app: INestApplication, document: OpenAPIObject): void {
  const components = (document.components ??= {});
  const schemas = (components.schemas ??= {}) as Schemas;
  const ruled = validationMetadatasToSchemas(OPTIONS) as Schemas;
  const bodies = routeParameterClasses(app);

  for (const [name, documented] of Object.entries(schemas)) {
    const cls = bodies.get(name);
    const derived = cls ? (targetConstructorToSchema(cls, OPTIONS) as Schema) : ruled[name];
    if (derived && 'properties' in derived) schemas[name] = merged(documented, derived);
  }
  resolveReferences(schemas, ruled);
}

/** The classes the controllers' handlers take (bodies, queries, paths), by name. */
function routeParameterClasses(app: INestApplication): Map<string, Type> {
  const classes = new Map<string, Type>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const { metatype } of module.controllers.values()) {
      const prototype = (metatype as Type | null)?.prototype as object | undefined;
      if (!prototype) continue;
      for (const method of Object.getOwnPropertyNames(prototype)) {
        const types = (Reflect.getMetadata('design:paramtypes', prototype, method) ??
          []) as unknown[];
        for (const type of types) {
          if (typeof type === 'function' && type.name) classes.set(type.name, type as Type);
        }
      }
    }
  }
  return classes;
}

/** The documented schema, with what the rules know filled in where the document is vague. */
function merged(documented: Schema, derived: SchemaObject): Schema {
  if ('$ref' in documented) return documented;
  const properties: Record<string, Schema> = { ...derived.properties };
  for (const [name, property] of Object.entries(documented.properties ?? {})) {
    const rule = properties[name];
    properties[name] = rule && isVague(property) ? { ...rule, ...descriptive(property) } : property;
  }
  const required = [...new Set([...(documented.required ?? []), ...(derived.required ?? [])])];
  return { ...documented, type: 'object', properties, ...(required.length ? { required } : {}) };
}

/** A property documented only as "an object" (or untyped), which says nothing a client can use. */
function isVague(property: Schema): boolean {
  if ('$ref' in property) return false;
  const shaped = ['properties', 'additionalProperties', 'oneOf', 'anyOf', 'allOf', 'items', 'enum'];
  return (
    (property.type === undefined || property.type === 'object') &&
    !shaped.some((key) => key in property)
  );
}

function descriptive(property: Schema): SchemaObject {
  if ('$ref' in property) return {};
  const { description, example, examples, deprecated } = property;
  return Object.fromEntries(
    Object.entries({ description, example, examples, deprecated }).filter(
      ([, v]) => v !== undefined,
    ),
  );
}

/**
 * Every `$ref` points at a schema in the document: the classes nested bodies refer to are added
 * from the rules, and a reference to a class with no rules (a plain `Object` field) becomes an
 * open object.
 */
function resolveReferences(schemas: Schemas, ruled: Schemas): void {
  const pending = Object.keys(schemas);
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit);
    if (typeof node !== 'object' || node === null) return node;
    const entries = Object.entries(node as Record<string, unknown>);
    const ref = (node as { $ref?: unknown }).$ref;
    if (typeof ref === 'string' && ref.startsWith(SCHEMA_PREFIX)) {
      const name = ref.slice(SCHEMA_PREFIX.length);
      if (!schemas[name] && ruled[name]) {
        schemas[name] = ruled[name];
        pending.push(name);
      }
      // A sibling of $ref is ignored by OpenAPI 3.0 readers, so the reference stands alone.
      if (schemas[name]) return { $ref: ref };
      const rest = Object.fromEntries(entries.filter(([key]) => key !== '$ref'));
      return { ...rest, type: 'object' };
    }
    return Object.fromEntries(entries.map(([key, value]) => [key, visit(value)]));
  };
  for (let name = pending.shift(); name !== undefined; name = pending.shift()) {
    schemas[name] = visit(schemas[name]) as Schema;
  }
}
