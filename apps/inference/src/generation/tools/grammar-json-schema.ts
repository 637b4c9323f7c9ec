/**
 * A JSON schema in the subset node-llama-cpp turns into a grammar (its `GbnfJsonSchema`: type,
 * properties, additionalProperties, items, prefixItems, enum, const, oneOf, $defs/$ref, string
 * lengths and date formats, item and property counts). Its types are ESM-only, so this is loose.
 */
export type GrammarJsonSchema = { readonly [keyword: string]: unknown };

/** Keywords that constrain values in ways the grammar cannot: a schema using one is refused. */
const UNENFORCEABLE = new Set([
  'pattern',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'not',
  'if',
  'then',
  'else',
  'patternProperties',
  'propertyNames',
  'dependentRequired',
  'dependentSchemas',
  'dependencies',
  'uniqueItems',
  'contains',
  'minContains',
  'maxContains',
  'unevaluatedProperties',
  'unevaluatedItems',
  'additionalItems',
  'contentEncoding',
  'contentMediaType',
  'contentSchema',
  '$dynamicRef',
  '$recursiveRef',
]);

const GRAMMAR_FORMATS = new Set(['date-time', 'time', 'date']);
const PRIMITIVE_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'null']);
const DEFS_PREFIXES = ['#/$defs/', '#/definitions/'];
/** Deeper schemas are refused rather than risk the grammar builder's own recursion limit. */
export const MAX_SCHEMA_DEPTH = 32;

/** Any JSON value: what a schema without constraints (`{}`, `true`) allows. */
const ANY_VALUE: GrammarJsonSchema = {
  oneOf: [
    { type: ['string', 'number', 'boolean', 'null'] },
    { type: 'object', additionalProperties: true },
    { type: 'array' },
  ],
};

export class UnenforceableSchemaError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('; '));
  }
}

const isPrimitive = (value: unknown) =>
  value === null || ['string', 'number', 'boolean'].includes(typeof value);

const isSchemaObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A JSON schema (as OpenAI tools give their `parameters`) in the form node-llama-cpp enforces with
 * a grammar, so generated arguments always parse and match it. Annotations (title, default...)
 * are dropped, and so is `required` (the grammar writes every declared property, which satisfies
 * it) and any keyword JSON Schema does not define (validators ignore those too). A keyword the grammar cannot enforce (a `pattern`, a
 * `minimum`) throws, naming each one and where it is, rather than let arguments break it.
 */
export function toGrammarJsonSchema(schema: unknown): GrammarJsonSchema {
  const problems: string[] = [];
  const root = isSchemaObject(schema) ? schema : {};
  const defs: Record<string, GrammarJsonSchema> = {};
  for (const key of ['$defs', 'definitions'] as const) {
    const declared = root[key];
    if (declared === undefined) continue;
    if (!isSchemaObject(declared)) {
      problems.push(`${key} must be an object of schemas`);
      continue;
    }
    for (const [name, def] of Object.entries(declared)) {
      defs[name] = convert(def, `${key}.${name}`, 1, problems);
    }
  }
  const converted = convert(schema, '', 0, problems);
  if (problems.length > 0) throw new UnenforceableSchemaError(problems);
  return Object.keys(defs).length === 0 ? converted : { ...converted, $defs: defs };
}

function convert(
  schema: unknown,
  path: string,
  depth: number,
  problems: string[],
): GrammarJsonSchema {
  const at = (keyword: string) => (path === '' ? keyword : `${keyword} (at ${path})`);
  const child = (value: unknown, where: string) =>
    convert(value, path === '' ? where : `${path}.${where}`, depth + 1, problems);
  if (depth > MAX_SCHEMA_DEPTH) {
    problems.push(`nesting deeper than ${MAX_SCHEMA_DEPTH} levels${path ? ` (at ${path})` : ''}`);
    return ANY_VALUE;
  }
  if (schema === true) return ANY_VALUE;
  if (!isSchemaObject(schema)) {
    problems.push(at(schema === false ? 'the schema false' : 'a schema that is not an object'));
    return ANY_VALUE;
  }
  const description = typeof schema['description'] === 'string' ? schema['description'] : undefined;
  const described = (result: GrammarJsonSchema): GrammarJsonSchema =>
    description === undefined ? result : { ...result, description };
  for (const keyword of Object.keys(schema)) {
    if (UNENFORCEABLE.has(keyword)) problems.push(at(keyword));
  }

  if (schema['$ref'] !== undefined) {
    const ref = schema['$ref'];
    const prefix = DEFS_PREFIXES.find((p) => typeof ref === 'string' && ref.startsWith(p));
    if (!prefix) {
      problems.push(at(`$ref ${JSON.stringify(ref)} (only #/$defs/... and #/definitions/...)`));
      return ANY_VALUE;
    }
    return described({ $ref: `#/$defs/${(ref as string).slice(prefix.length)}` });
  }

  const allOf = schema['allOf'];
  if (allOf !== undefined) {
    if (!Array.isArray(allOf) || allOf.length !== 1) {
      problems.push(at('allOf with more than one schema'));
      return ANY_VALUE;
    }
    return convert({ ...without(schema, 'allOf'), ...(allOf[0] as object) }, path, depth, problems);
  }

  // anyOf means at least one alternative holds: generating exactly one of them satisfies it.
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const alternatives = schema[keyword];
    if (alternatives === undefined) continue;
    if (!Array.isArray(alternatives) || alternatives.length === 0) {
      problems.push(at(`${keyword} that is not a list of schemas`));
      return ANY_VALUE;
    }
    // Keywords beside the alternatives apply to each of them too.
    const shared = without(schema, 'oneOf', 'anyOf', 'description');
    return described({
      oneOf: alternatives.map((alternative, index) =>
        child(
          isSchemaObject(alternative) ? { ...shared, ...alternative } : alternative,
          `${keyword}[${index}]`,
        ),
      ),
    });
  }

  if (schema['const'] !== undefined) {
    if (!isPrimitive(schema['const'])) problems.push(at('const that is an object or a list'));
    return described({ const: schema['const'] });
  }
  if (schema['enum'] !== undefined) {
    const values = schema['enum'];
    if (!Array.isArray(values) || values.length === 0 || !values.every(isPrimitive)) {
      problems.push(at('enum that is not a list of strings, numbers, booleans or null'));
      return ANY_VALUE;
    }
    return described({ enum: values });
  }

  const type = schema['type'];
  const types = Array.isArray(type) ? (type as unknown[]) : type === undefined ? [] : [type];
  if (
    types.some(
      (t) => typeof t !== 'string' || !(PRIMITIVE_TYPES.has(t) || t === 'object' || t === 'array'),
    )
  ) {
    problems.push(at(`type ${JSON.stringify(type)}`));
    return ANY_VALUE;
  }
  if (types.length > 1) {
    // One alternative per type, each with the keywords that apply to values of that type.
    return described({
      oneOf: types.map((single) => convert({ ...schema, type: single }, path, depth, problems)),
    });
  }
  const only =
    types[0] ??
    (schema['properties'] !== undefined || schema['additionalProperties'] !== undefined
      ? 'object'
      : schema['items'] !== undefined || schema['prefixItems'] !== undefined
        ? 'array'
        : undefined);
  switch (only) {
    case undefined:
      return described(ANY_VALUE);
    case 'object':
      return described(objectSchema(schema, child, problems, at));
    case 'array':
      return described(arraySchema(schema, child));
    case 'string': {
      const format = schema['format'];
      if (format !== undefined) {
        if (typeof format !== 'string' || !GRAMMAR_FORMATS.has(format)) {
          problems.push(
            at(`format ${JSON.stringify(format)} (only ${[...GRAMMAR_FORMATS].join(', ')})`),
          );
        }
        return described({ type: 'string', format });
      }
      return described(pick(schema, { type: 'string' }, ['minLength', 'maxLength']));
    }
    default:
      return described({ type: only });
  }
}

function objectSchema(
  schema: Record<string, unknown>,
  child: (value: unknown, where: string) => GrammarJsonSchema,
  problems: string[],
  at: (keyword: string) => string,
): GrammarJsonSchema {
  const properties = schema['properties'];
  if (properties !== undefined && !isSchemaObject(properties)) {
    problems.push(at('properties that is not an object of schemas'));
    return ANY_VALUE;
  }
  const required = schema['required'];
  if (required !== undefined) {
    const declared = properties === undefined ? [] : Object.keys(properties);
    const missing = Array.isArray(required)
      ? required.filter((name) => !declared.includes(name as string))
      : [];
    // The grammar writes exactly the declared properties: it could never write these.
    if (!Array.isArray(required) || missing.length > 0) {
      problems.push(
        at(`required ${JSON.stringify(missing.length ? missing : required)} not in properties`),
      );
    }
  }
  const additional = schema['additionalProperties'];
  return pick(
    schema,
    {
      type: 'object',
      ...(properties === undefined
        ? {}
        : {
            properties: Object.fromEntries(
              Object.entries(properties).map(([name, value]) => [
                name,
                child(value, `properties.${name}`),
              ]),
            ),
          }),
      // JSON Schema allows any other property unless told otherwise; node-llama-cpp allows none.
      // With properties declared, writing only those still matches; without, keep it free-form.
      additionalProperties:
        additional === undefined
          ? properties === undefined
          : typeof additional === 'boolean'
            ? additional
            : child(additional, 'additionalProperties'),
    },
    ['minProperties', 'maxProperties'],
  );
}

function arraySchema(
  schema: Record<string, unknown>,
  child: (value: unknown, where: string) => GrammarJsonSchema,
): GrammarJsonSchema {
  const items = schema['items'];
  // Draft 7 wrote a tuple as a list of `items`; 2020-12 calls it `prefixItems`.
  const prefix = Array.isArray(items) ? items : (schema['prefixItems'] as unknown[] | undefined);
  return pick(
    schema,
    {
      type: 'array',
      ...(items === undefined || Array.isArray(items) ? {} : { items: child(items, 'items') }),
      ...(Array.isArray(prefix)
        ? { prefixItems: prefix.map((item, index) => child(item, `prefixItems[${index}]`)) }
        : {}),
    },
    ['minItems', 'maxItems'],
  );
}

function without(schema: Record<string, unknown>, ...keywords: string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(schema).filter(([key]) => !keywords.includes(key)));
}

/** `base` with those of `keywords` the schema sets (numbers the grammar takes as they are). */
function pick(
  schema: Record<string, unknown>,
  base: Record<string, unknown>,
  keywords: string[],
): GrammarJsonSchema {
  const result = { ...base };
  for (const keyword of keywords)
    if (schema[keyword] !== undefined) result[keyword] = schema[keyword];
  return result;
}
