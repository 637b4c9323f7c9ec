import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeTinyLlama, type TinyLlamaOptions } from '@aip/testing';

const USAGE = `usage: npm run model:tiny -- <file.gguf> [--embedding-length 64] [--context-length 512]
       [--seed 1] [--words "hello world ..."] [--chat-template <jinja>]

Writes a tiny llama model with random weights (about 0.8 MB): it loads in node-llama-cpp and
tokenizes, generates and embeds, for tests and demos without downloading a real model.`;

function integer(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new Error(`--${name} must be a whole number, not ${value}`);
  return Number(value);
}

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'embedding-length': { type: 'string' },
      'context-length': { type: 'string' },
      seed: { type: 'string' },
      words: { type: 'string' },
      'chat-template': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || positionals.length !== 1) {
    console.error(USAGE);
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  const options: TinyLlamaOptions = {
    embeddingLength: integer('embedding-length', values['embedding-length']),
    contextLength: integer('context-length', values['context-length']),
    seed: integer('seed', values.seed),
    words: values.words?.split(/\s+/).filter(Boolean),
    chatTemplate: values['chat-template'],
  };
  const file = resolve(positionals[0]);
  const bytes = writeTinyLlama(file, options);
  console.log(`wrote ${file} (${(bytes / 1024).toFixed(0)} KiB)`);
}

try {
  main();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
