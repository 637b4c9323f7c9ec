import { PayloadIndexError } from './payload-index-error';
import type { PayloadSchemaType } from './payload-index.types';

type Check = (value: unknown, path: string) => void;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'string' ? JSON.stringify(value) : `a ${typeof value}`;
}

function fail(path: string, reason: string): never {
  throw new PayloadIndexError(path, reason);
}

const boolean: Check = (value, path) => {
  if (typeof value !== 'boolean') fail(path, `expected a boolean, got ${describe(value)}`);
};

const unsignedInteger: Check = (value, path) => {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    fail(path, `expected an unsigned integer, got ${describe(value)}`);
  }
};

function oneOf(...allowed: string[]): Check {
  return (value, path) => {
    if (typeof value !== 'string' || !allowed.includes(value)) {
      fail(path, `expected one of ${allowed.join(', ')}, got ${describe(value)}`);
    }
  };
}

function listOf(item: Check): Check {
  return (value, path) => {
    if (!Array.isArray(value)) fail(path, `expected an array, got ${describe(value)}`);
    value.forEach((element: unknown, i) => item(element, `${path}[${i}]`));
  };
}

function object(members: Record<string, Check>, required: string[] = []): Check {
  return (value, path) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      fail(path, `expected an object, got ${describe(value)}`);
    }
    const record = value as Record<string, unknown>;
    for (const [name, member] of Object.entries(record)) {
      const check = members[name];
      if (!check) {
        fail(path, `unknown member "${name}", expected ${Object.keys(members).join(', ')}`);
      }
      if (member !== null) check(member, `${path}.${name}`);
    }
    for (const name of required) {
      if (record[name] === undefined || record[name] === null) {
        fail(`${path}.${name}`, 'is required');
      }
    }
  };
}

const string: Check = (value, path) => {
  if (typeof value !== 'string') fail(path, `expected a string, got ${describe(value)}`);
};

// Qdrant's Language enum (stopword lists) and SnowballLanguage enum (stemmers).
const LANGUAGES = oneOf(
  ...'arabic azerbaijani basque bengali catalan chinese danish dutch english finnish french german greek hebrew hinglish hungarian indonesian italian japanese kazakh nepali norwegian portuguese romanian russian slovene spanish swedish tajik turkish'.split(
    ' ',
  ),
);
const SNOWBALL_LANGUAGES = oneOf(
  ...'arabic armenian danish dutch english finnish french german greek hungarian italian norwegian portuguese romanian russian spanish swedish tamil turkish'.split(
    ' ',
  ),
);

const stopwords: Check = (value, path) =>
  typeof value === 'string'
    ? LANGUAGES(value, path)
    : object({ languages: listOf(LANGUAGES), custom: listOf(string) })(value, path);

const stemmer: Check = (value, path) => {
  const type = (value as { type?: unknown } | null)?.type;
  if (type === 'none') return object({ type: oneOf('none') })(value, path);
  object({ type: oneOf('snowball', 'none'), language: SNOWBALL_LANGUAGES }, ['type', 'language'])(
    value,
    path,
  );
};

const COMMON: Record<string, Check> = {
  on_disk: boolean,
  memory: oneOf('cold', 'cached', 'pinned'),
  enable_hnsw: boolean,
};

const MEMBERS: Record<PayloadSchemaType, Record<string, Check>> = {
  keyword: { is_tenant: boolean, prefix: boolean },
  integer: { lookup: boolean, range: boolean, is_principal: boolean },
  float: { is_principal: boolean },
  datetime: { is_principal: boolean },
  uuid: { is_tenant: boolean },
  geo: {},
  bool: {},
  text: {
    tokenizer: oneOf('prefix', 'whitespace', 'word', 'multilingual'),
    min_token_len: unsignedInteger,
    max_token_len: unsignedInteger,
    lowercase: boolean,
    ascii_folding: boolean,
    phrase_matching: boolean,
    stopwords,
    stemmer,
  },
};

/**
 * Checks the params of a `field_schema` of the given type and returns them without null
 * members, as `payload_schema` shows them. Throws a PayloadIndexError naming the bad member.
 */
export function validateIndexParams(
  type: PayloadSchemaType,
  params: Record<string, unknown>,
  path = 'field_schema',
): Record<string, unknown> {
  if (params.type !== undefined && params.type !== type) {
    fail(`${path}.type`, `expected "${type}", got ${describe(params.type)}`);
  }
  object({ type: string, ...COMMON, ...MEMBERS[type] })(params, path);
  if (type === 'integer' && params.lookup === false && params.range === false) {
    fail(path, 'lookup and range cannot both be false');
  }
  const echoed: Record<string, unknown> = { type };
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && value !== undefined) echoed[name] = value;
  }
  return echoed;
}
