import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import { GatewayClient } from './gateway-client';
import { parseLine, type ImportLine } from './import-line';
import { ImportResult, summary } from './import-result';
import { importTexts } from './text-importer';
import { importVectors } from './vector-importer';

const USAGE = `Usage: npm run import -- <file.jsonl> --collection <name> [--gateway <url>] [--key <api key>] [--source <name>]

Each line is a text  {"source_uid"?, "text", "metadata"?, "type"?, "language"?}  (chunked and embedded)
          or a point {"id"?, "vector", "payload"?}                                (stored as given).
The API key may also come from AIP_API_KEY; the gateway defaults to http://127.0.0.1:8000.`;

const EXIT_USAGE = 2;
const EXIT_SOME_FAILED = 1;

async function readLines(file: string): Promise<ImportLine[]> {
  const lines: ImportLine[] = [];
  let number = 0;
  const reader = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const raw of reader) {
    const parsed = parseLine(raw, ++number, basename(file));
    if (parsed) lines.push(parsed);
  }
  return lines;
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      collection: { type: 'string' },
      gateway: { type: 'string', default: 'http://127.0.0.1:8000' },
      key: { type: 'string' },
      source: { type: 'string', default: 'import' },
    },
  });
  const file = positionals[0];
  if (!file || !values.collection) {
    process.stderr.write(`${USAGE}\n`);
    return EXIT_USAGE;
  }
  const gateway = new GatewayClient(values.gateway, values.key ?? process.env['AIP_API_KEY']);
  const started = performance.now();
  const lines = await readLines(file);
  const result = new ImportResult();
  for (const l of lines) if (l.kind === 'invalid') result.fail(l.line, l.error);

  const bar = new SingleBar(
    {
      format: 'importing [{bar}] {percentage}% | {value}/{total} | {speed} items/s',
      etaBuffer: 50,
    },
    Presets.shades_classic,
  );
  bar.start(lines.length, result.failures.length, { speed: 0 });
  const advance = (items: number) =>
    bar.increment(items, {
      speed: Math.round(
        (bar.getProgress() * lines.length) / ((performance.now() - started) / 1000),
      ),
    });
  await importTexts(
    gateway,
    values.collection,
    values.source,
    lines.filter((l) => l.kind === 'text'),
    result,
    advance,
  );
  await importVectors(
    gateway,
    values.collection,
    lines.filter((l) => l.kind === 'vector'),
    result,
    advance,
  );
  bar.stop();
  process.stdout.write(`${summary(lines.length, result, performance.now() - started)}\n`);
  return result.failures.length > 0 ? EXIT_SOME_FAILED : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `import failed: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(EXIT_SOME_FAILED);
  },
);
