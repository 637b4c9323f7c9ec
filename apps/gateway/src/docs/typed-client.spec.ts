import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { OpenAPIObject, ParameterObject, RequestBodyObject } from '@nestjs/swagger';
import ts from 'typescript';
import { sampleOf, type SampledSchema } from '@aip/testing';
import { offlineOpenApiDocument } from './offline-document';

// A client generated from /docs-json (openapi-typescript, the generator most TypeScript users
// reach for, with openapi-fetch on top) must accept a well-formed call of every route and refuse
// ill-formed ones at compile time. Empty request schemas would fail both halves: nothing would
// type-check, or everything would.

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** One client call per operation, with the required path parameters and a body where it takes one. */
function callsOf(document: OpenAPIObject): string[] {
  const schemas = (document.components?.schemas ?? {}) as Record<string, SampledSchema>;
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => {
      const operation = item[method]!;
      const parameters = (operation.parameters ?? []) as ParameterObject[];
      const pathParameters = parameters.filter((parameter) => parameter.in === 'path');
      const options: Record<string, unknown> = {};
      if (pathParameters.length > 0) {
        options.params = {
          path: Object.fromEntries(
            pathParameters.map((parameter) => [
              parameter.name,
              sampleOf(parameter.schema as SampledSchema, schemas),
            ]),
          ),
        };
      }
      const body = (operation.requestBody as RequestBodyObject | undefined)?.content[
        'application/json'
      ]?.schema;
      if (body) options.body = sampleOf(body as SampledSchema, schemas);
      return `await client.${method.toUpperCase()}(${JSON.stringify(path)}, ${JSON.stringify(options)});`;
    }),
  );
}

// Each must be a compile error; `@ts-expect-error` fails the check if the client lets it through.
const REFUSED_CALLS = `
  // @ts-expect-error a collection's size is a number
  await client.POST('/api/v1/collections', { body: { name: 'c', size: 'big' } });
  // @ts-expect-error a collection needs a name
  await client.POST('/api/v1/collections', { body: { size: 8 } });
  // @ts-expect-error top_k is a number, never a boolean
  await client.POST('/api/v1/vectors/search', { body: { collection: 'c', text: 'q', top_k: true } });
  // @ts-expect-error the search mode is one of dense, keyword, hybrid
  await client.POST('/api/v1/vectors/search', { body: { collection: 'c', text: 'q', mode: 'fuzzy' } });
  // @ts-expect-error ingest documents are a list
  await client.POST('/api/v1/ingest', { body: { collection: 'c', documents: { text: 'x' } } });
  // @ts-expect-error a chat message's role is one the API knows
  await client.POST('/v1/chat/completions', { body: { model: 'm', messages: [{ role: 'wizard', content: 'hi' }] } });
  // @ts-expect-error no such route
  await client.GET('/api/v1/nowhere');
  // @ts-expect-error a collection's path names it
  await client.GET('/api/v1/collections/{name}', {});
`;

// Replies are typed too: the models list reads as OpenAI's.
const TYPED_REPLIES = `
  const models = await client.GET('/v1/models');
  const ids: string[] | undefined = models.data?.data.map((model) => model.id);
  void ids;
`;

function typeErrors(directory: string): string[] {
  const openapiFetch = dirname(require.resolve('openapi-fetch/package.json'));
  const program = ts.createProgram([join(directory, 'calls.ts')], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: [],
    skipLibCheck: true,
    paths: { 'openapi-fetch': [join(openapiFetch, 'dist', 'index.d.mts')] },
  });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const where =
      diagnostic.file && diagnostic.start !== undefined
        ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1
        : 0;
    return `line ${where}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
  });
}

describe('a client generated from /docs-json (openapi-typescript + openapi-fetch)', () => {
  let directory: string;
  let document: OpenAPIObject;

  beforeAll(async () => {
    document = await offlineOpenApiDocument();
    directory = mkdtempSync(join(tmpdir(), 'typed-client-'));
    writeFileSync(join(directory, 'openapi.json'), JSON.stringify(document));
    // Its CLI, as a user runs it (the package's library entry loads ES modules Jest cannot).
    const cli = join(dirname(require.resolve('openapi-typescript/package.json')), 'bin', 'cli.js');
    execFileSync(
      process.execPath,
      [cli, join(directory, 'openapi.json'), '--output', join(directory, 'schema.ts')],
      {
        stdio: 'pipe',
      },
    );
  }, 60_000);

  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('type-checks a call of every route and refuses ill-typed calls', () => {
    const calls = callsOf(document);
    expect(calls.length).toBeGreaterThanOrEqual(60);
    writeFileSync(
      join(directory, 'calls.ts'),
      [
        "import createClient from 'openapi-fetch';",
        "import type { paths } from './schema';",
        "const client = createClient<paths>({ baseUrl: 'http://gateway.invalid' });",
        'export async function everyRoute(): Promise<void> {',
        ...calls,
        REFUSED_CALLS,
        TYPED_REPLIES,
        '}',
      ].join('\n'),
    );
    expect(typeErrors(directory)).toEqual([]);
  }, 60_000);
});
