import fc from 'fast-check';

/** One request the fuzzer sends: its body as bytes on the wire and the label a failure shows. */
export interface FuzzBody {
  label: string;
  body: string | Buffer;
  contentType: string;
}

/** JSON text written into a body as it is: numbers JSON.stringify cannot write (1e400, -0.0), deep nesting. */
class RawJson {
  constructor(readonly text: string) {}
}

const JSON_TYPE = 'application/json';
const INVALID_UTF8 = [
  Buffer.from([0xff, 0xfe]),
  Buffer.from([0xc3]),
  Buffer.from([0xc0, 0xaf]),
  Buffer.from([0xed, 0xa0, 0x80]),
];

function toJsonText(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, v: unknown) =>
    v instanceof RawJson ? `\u0000raw${raws.push(v.text) - 1}\u0000` : v,
  );
  return (text ?? 'null').replace(/"\\u0000raw(\d+)\\u0000"/g, (_m, i: string) => raws[Number(i)]!);
}

const nested = (levels: number, open = '[', close = ']') =>
  new RawJson(open.repeat(levels) + '1' + close.repeat(levels));
const nestedObjects = (levels: number) => nested(levels, '{"a":', '}');
/** Keys that reach an object's prototype when code copies a body carelessly. */
const prototypeKeys = (): unknown =>
  JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}');

const wrongScalar: fc.Arbitrary<unknown> = fc.oneof(
  fc.boolean(),
  fc.constantFrom<unknown>(
    null,
    undefined,
    0,
    -1,
    0.5,
    2 ** 31,
    2 ** 53 + 2,
    1e308,
    -1e308,
    5e-324,
  ),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 24 }),
  fc.constantFrom(
    '',
    ' ',
    'true',
    '1',
    '-1',
    'NaN',
    'null',
    '\u0000',
    '\ud800',
    '💥🧨',
    'x'.repeat(70_000),
  ),
  fc.constantFrom(
    new RawJson('1e400'),
    new RawJson('-1e400'),
    new RawJson('1e-400'),
    new RawJson('-0.0'),
    new RawJson('123456789012345678901234567890'),
  ),
);

/** A value where another was expected: other types, extremes, containers, deep nesting. */
const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: wrongScalar },
  { weight: 1, arbitrary: fc.array(wrongScalar, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 8 }), wrongScalar, { maxKeys: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>([], {}, [[]], [{}], [null]) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<unknown>(
      nested(65),
      nestedObjects(65),
      nested(3000),
      prototypeKeys(),
    ),
  },
);

/** Every path to a value inside `base`, and one to a field it does not have. */
function pathsOf(base: unknown): string[][] {
  const paths: string[][] = [['fuzz_unknown_field']];
  const pending: { value: unknown; path: string[] }[] = [{ value: base, path: [] }];
  while (pending.length > 0) {
    const { value, path } = pending.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    for (const [key, child] of Object.entries(value)) {
      paths.push([...path, key]);
      pending.push({ value: child, path: [...path, key] });
    }
  }
  return paths;
}

/** A copy of `base` with `value` at `path` (a missing container on the way becomes an object). */
function withValueAt(base: unknown, path: string[], value: unknown): unknown {
  const root: unknown = structuredClone(base);
  if (typeof root !== 'object' || root === null || path.length === 0) return value;
  let parent = root as Record<string, unknown>;
  for (const key of path.slice(0, -1)) {
    const child = parent[key];
    if (typeof child !== 'object' || child === null) parent[key] = {};
    parent = parent[key] as Record<string, unknown>;
  }
  parent[path[path.length - 1]!] = value;
  return root;
}

function describeValue(value: unknown): string {
  const text = value instanceof RawJson ? value.text : (JSON.stringify(value) ?? 'undefined');
  return text.length > 60 ? `${text.slice(0, 60)}… (${text.length} chars)` : text;
}

/** `count` copies of `base`, each with one field set to a wrong value, reproducible from `seed`. */
function fieldMutations(base: unknown, seed: number, count: number): FuzzBody[] {
  const mutation = fc.record({ path: fc.constantFrom(...pathsOf(base)), value: wrongValue });
  return fc.sample(mutation, { seed, numRuns: count }).map(({ path, value }) => ({
    label: `${path.join('.')} = ${describeValue(value)}`,
    body: toJsonText(withValueAt(base, path, value)),
    contentType: JSON_TYPE,
  }));
}

/** The body with bad bytes inside its first string (or a string field added for them). */
function withInvalidUtf8(base: unknown, bytes: Buffer): Buffer {
  const marker = 'FUZZ_BAD_BYTES';
  const stringPath = pathsOf(base).find((path) => typeof valueAt(base, path) === 'string');
  const text = toJsonText(withValueAt(base, stringPath ?? ['fuzz_text'], `a${marker}b`));
  const [before, after] = text.split(marker) as [string, string];
  return Buffer.concat([Buffer.from(before), bytes, Buffer.from(after)]);
}

function valueAt(base: unknown, path: string[]): unknown {
  return path.reduce<unknown>(
    (value, key) => (value as Record<string, unknown> | undefined)?.[key],
    base,
  );
}

/** Whole-body malformations every route gets: broken JSON, bad bytes, wrong shapes, deep nesting. */
function bodyMalformations(base: unknown, bodyLimitBytes: number): FuzzBody[] {
  const text = toJsonText(base);
  const json = (label: string, body: string | Buffer): FuzzBody => ({
    label,
    body,
    contentType: JSON_TYPE,
  });
  const withPrototypeKeys =
    text === '{}'
      ? '{"__proto__":{"polluted":true}}'
      : `{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},${text.slice(1)}`;
  return [
    json('JSON cut short', text.slice(0, -1)),
    json('single-quoted JSON', "{'a': 1}"),
    json('trailing comma', '{"a": 1,}'),
    json('NaN literal', '{"a": NaN}'),
    json('bare word', 'undefined'),
    json('top-level null', 'null'),
    json('top-level number', '12'),
    json('top-level string', '"text"'),
    json('top-level boolean', 'true'),
    json('empty array', '[]'),
    json('array of the body', `[${text}]`),
    json('empty body', ''),
    json('arrays 3,000 levels deep', toJsonText(nested(3000))),
    json(
      'objects 100 levels deep beside the fields',
      toJsonText({ ...asObject(base), x: nestedObjects(100) }),
    ),
    json('arrays 65 levels deep', toJsonText(nested(65))),
    json('prototype keys', withPrototypeKeys),
    ...INVALID_UTF8.map((bytes) =>
      json(`invalid UTF-8 ${bytes.toString('hex')}`, withInvalidUtf8(base, bytes)),
    ),
    {
      label: 'UTF-16 body',
      body: Buffer.from(text, 'utf16le'),
      contentType: 'application/json; charset=utf-16le',
    },
    { label: 'text/plain content type', body: text, contentType: 'text/plain' },
    json(
      'body over the size limit',
      toJsonText({ ...asObject(base), x: 'x'.repeat(bodyLimitBytes) }),
    ),
  ];
}

function asObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/**
 * What one route is sent: its example as it is, then every whole-body malformation, then
 * `mutations` copies of the example with one field wrong each (the same ones for the same seed).
 */
export function fuzzBodies(
  example: unknown,
  options: { seed: number; mutations: number; bodyLimitBytes: number },
): FuzzBody[] {
  return [
    { label: 'the example itself', body: toJsonText(example), contentType: JSON_TYPE },
    ...bodyMalformations(example, options.bodyLimitBytes),
    ...fieldMutations(example, options.seed, options.mutations),
  ];
}
