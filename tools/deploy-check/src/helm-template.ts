import { basename } from 'node:path';
import { filesUnder, read } from './repo-facts';

/**
 * Just enough of Helm's template language to follow which named templates a chart renders and
 * which `.Values` paths they read: a read of a value that values.yaml lacks renders as empty,
 * which no render of the shipped values shows.
 */
interface Define {
  body: string;
}

const ACTION = /\{\{-?\s*([\s\S]*?)\s*-?\}\}/g;
const OPENERS = /^(if|range|with|define|block)\b/;

/** Named templates (`define`) of the given files, by name. */
export function defines(files: string[]): Map<string, Define> {
  const found = new Map<string, Define>();
  for (const file of files) {
    const text = read(file);
    let depth = 0;
    let current: { name: string; start: number } | undefined;
    for (const match of text.matchAll(ACTION)) {
      const action = match[1];
      if (action.startsWith('/*')) continue;
      if (OPENERS.test(action)) {
        const define = /^define "([^"]+)"/.exec(action);
        if (define && depth === 0)
          current = { name: define[1], start: match.index + match[0].length };
        depth++;
      } else if (action === 'end') {
        depth--;
        if (depth === 0 && current) {
          found.set(current.name, { body: text.slice(current.start, match.index) });
          current = undefined;
        }
      }
    }
    if (depth !== 0) throw new Error(`${file}: unbalanced {{ end }}`);
  }
  return found;
}

const includes = (text: string): string[] =>
  [...text.matchAll(/include "([^"]+)"/g)].map((match) => match[1]);

/** `.Values.a.b` paths read by a text, without comments. */
export const valuesRefs = (text: string): string[] =>
  [
    ...text
      .replace(/\{\{-?\s*\/\*[\s\S]*?\*\/\s*-?\}\}/g, '')
      .matchAll(/\.Values\.([A-Za-z0-9_.]+)/g),
  ].map((match) => match[1]);

/** A chart's template files (not helpers) and every named template they reach. */
export function chartTemplates(
  chart: string,
  libraries: string[] = [],
): {
  files: string[];
  reached: Map<string, Define>;
} {
  const templateFiles = (name: string): string[] =>
    filesUnder(`k8s/charts/${name}/templates`).filter((f) => /\.(ya?ml|tpl)$/.test(f));
  const own = templateFiles(chart);
  const all = defines([...own, ...libraries.flatMap(templateFiles)]);
  const files = own.filter((f) => !basename(f).startsWith('_'));
  const reached = new Map<string, Define>();
  const queue = files.flatMap((f) => includes(read(f)));
  while (queue.length > 0) {
    const name = queue.pop() as string;
    if (reached.has(name)) continue;
    const define = all.get(name);
    if (!define) throw new Error(`${chart}: template "${name}" is included but not defined`);
    reached.set(name, define);
    queue.push(...includes(define.body));
  }
  return { files, reached };
}
