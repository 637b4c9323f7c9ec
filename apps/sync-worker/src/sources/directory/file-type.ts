import { extname } from 'node:path';
import type { SourceDocument } from '../../ingest/document-sink';

/** Code files by extension, with the language the chunker splits them by. */
export const CODE_LANGUAGES: Record<string, string> = {
  ts: 'typescript',
  tsx: 'typescript',
  mts: 'typescript',
  cts: 'typescript',
  js: 'javascript',
  jsx: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  py: 'python',
  go: 'go',
  rs: 'rust',
  java: 'java',
  kt: 'kotlin',
  rb: 'ruby',
  php: 'php',
  c: 'c',
  h: 'c',
  cpp: 'cpp',
  hpp: 'cpp',
  cs: 'csharp',
  swift: 'swift',
  scala: 'scala',
  sh: 'shell',
  sql: 'sql',
};
export const MARKDOWN_EXTENSIONS = ['md', 'markdown', 'mdx'];
export const TEXT_EXTENSIONS = [
  'txt',
  'text',
  'rst',
  'adoc',
  'csv',
  'log',
  'yaml',
  'yml',
  'json',
  'toml',
  'ini',
];
/** Every extension a folder source reads unless its settings name others. */
export const DEFAULT_EXTENSIONS = [
  ...TEXT_EXTENSIONS,
  ...MARKDOWN_EXTENSIONS,
  ...Object.keys(CODE_LANGUAGES),
];

/** The extension of a path, lower case, without its dot ('' when it has none). */
export function extensionOf(path: string): string {
  return extname(path).slice(1).toLowerCase();
}

/** A file's document type (and language) from its extension: md is markdown, ts/py/go... code. */
export function documentTypeOf(path: string): Pick<SourceDocument, 'type' | 'language'> {
  const extension = extensionOf(path);
  if (MARKDOWN_EXTENSIONS.includes(extension)) return { type: 'markdown' };
  const language = CODE_LANGUAGES[extension];
  return language === undefined ? { type: 'text' } : { type: 'code', language };
}
